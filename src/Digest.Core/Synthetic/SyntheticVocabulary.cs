namespace Digest.Core.Synthetic;

/// <summary>The words synthetic digests are made of: technical Chinese, English terms and author names.</summary>
public static class SyntheticVocabulary
{
    public static readonly string[] ChineseWords =
    [
        "模型", "大语言模型", "强化学习", "遗忘", "幻觉", "推理", "多模态", "视觉", "语言", "对齐", "扩散", "生成", "检索",
        "增强", "蒸馏", "量化", "稀疏", "注意力", "机制", "图神经网络", "表示", "学习", "自监督", "对比", "预训练", "微调",
        "基准", "测试", "评估", "数据集", "机器人", "操作", "控制", "策略", "优化", "梯度", "收敛", "理论", "分析", "证明",
        "蛋白质", "结构", "预测", "基因", "表达", "细胞", "单细胞", "测序", "转录组", "免疫", "肿瘤", "临床", "试验", "患者",
        "疫苗", "感染", "流行病学", "队列", "风险", "因素", "死亡率", "诊断", "影像", "分割", "检测", "跟踪", "三维", "重建",
        "点云", "神经辐射场", "高斯", "渲染", "语音", "识别", "合成", "翻译", "摘要", "问答", "对话", "智能体", "规划", "工具",
        "代码", "程序", "安全", "隐私", "联邦", "攻击", "防御", "鲁棒性", "可解释性", "公平性", "因果", "推断", "贝叶斯", "不确定性",
        "时间序列", "预报", "气候", "物理", "模拟", "材料", "分子", "化学", "药物", "发现", "医学", "精准", "框架", "方法",
        "显著", "提升", "性能", "效率", "实验", "结果", "表明", "我们", "提出", "一种", "新的", "基于", "通过", "实现", "上下文",
        "像素", "理解", "区域", "全局", "局部", "特征", "融合", "层次", "动态", "空间", "智能", "数据", "策略内", "缓解",
    ];

    public static readonly string[] EnglishWords =
    [
        "LLM", "LLMs", "Transformer", "RL", "RLHF", "GPT", "BERT", "ViT", "CLIP", "NeRF", "GNN", "MoE", "LoRA", "RAG", "DPO",
        "Agent", "Benchmark", "Diffusion", "Vision", "Language", "Model", "Robot", "Policy", "Reward", "Token", "Scaling",
        "Protein", "Gene", "Cell", "RNA", "CRISPR", "COVID", "Cancer", "Clinical", "Graph", "Quantum", "Kernel", "Sparse",
    ];

    public static readonly string[] GivenNames =
    [
        "Wei", "Jing", "Li", "Hao", "Yu", "Xin", "Yang", "Chen", "Ming", "Lei", "Tao", "Jun", "Fang", "Hui", "Qiang", "Yan",
        "Howard", "Alice", "David", "Maria", "John", "Sarah", "Michael", "Anna", "Peter", "Laura", "James", "Emma", "Daniel",
        "Sophie", "Thomas", "Julia", "Haochen", "Zhiyuan", "Xiaoyu", "Yixuan", "Ruoxi", "Kaiming", "Shuo", "Bowen", "Zihan",
    ];

    public static readonly string[] FamilyNames =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
        "He", "Lin", "Gao", "Luo", "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Kim",
        "Nguyen", "Patel", "Müller", "Schmidt", "Rossi", "Dubois", "Tanaka", "Suzuki", "Sato", "Park", "Choi", "Ivanov",
    ];

    public static readonly string[] NotePrefixes = ["（注：", "翻译说明：", "解析：", ""];

    /// <summary>About 1,500 common Chinese characters, most frequent first (counted in the real corpus).</summary>
    private const string CommonCharacters =
        "的性中用模型在于和学分基一化与对生语动了能测成数过通多为合习方法现理实度体表进种据应查文间关大行物标究解机可个人有研言态结图提量看病高因作自视器本经预网系发时我们这统神以变重相强类特定络力计估调效组构不像析示译感细下准及是检评者制知面使上术出信同异新验质增题率样建确子集算代胞保接优其并式觉从推识果导别向工全后利程期具架来控年任白内扩展影翻域到码传反证训项部索务联心练征素论持无入比响深达流更最复要息单主血层而非线序策框平规适功维活试蛋疗明症注前常频空状指转散探管长将意技目微列断整原决随脑加差问地运设显精然引领专采件监些区述环义小智低级菌编核存医药该节形患景抗路续国群开情激共交受处参升例互风连略偏健记之元家音场源正三疫格位少综超角毒致外观临回等突范选速需点境释治段遗且配认界离何混真或值事见染名布局障失但先供科取如杂双词号皮移斯抑步驱改拟限床输电较象癌未至碍儿督揭产协概战潜泛道声疾险尔射割稳放此谱跨由好挑所考康链库著够诊压符干酸水条得会择包助志次减亚录业两被积手降直免海瘤炎剂字色依日则越护案础光键缺立即留支缩融误近势辑归边早赖二况完它均补置换球广忆安马针快话求普简聚鼠仅含察社阶当隐世辨思金鲁酶织食育容粒短棒说肠叶拉权报腺齐损已阿英轻介嵌波告触稀敏去献肺获肿密令衡诱疏膜收气极似身辅童老糖南脉径户起击严服拓天照龄称口攻端仓排易仍蒸馏印划价卷错创假每还启约念队促肌门噪循匹际扑资讨答教校围着衰克苗备谢否骨除演巴养驾零头函负造读束背吸乳脂几固市签胎驶半盖独月奖励描员议缓踪惯侧液第荐旨括尽慢始尺带益女美脏播迹破充修搜退亡植轨台馈氨死默递振首捕纳属母施塑西四森夫伤肾周青茨摘良也私邦他消裂靠游块往总睡眠车院尼趋张防氧页根公切追灵卫捉兴族耦迁难露映乏操冠汇幻磁营伪富份忘命万树虚缘纤呼贝典初必阵践民横米胆呈既静距冲急写甲替判历姿清洞各佳雷装洲热律德牌足诺纵郁软虑虫涵片品刺审耐镜帕再丰署渐远曲杆暴孕顾执逆恢弱仿逻阻听料颈板史李扰迈雅猴尿筛浆肉途衍么都插闭伴里室罗城享脸醇避胰黑询透师梯野句掩斑额农肝又肥投剪候逐宏隔残星宫版逼矩尖善遵烟顺靶季颖夜胶臂旋官滤航鱼丘磷酒延宿噬硬省孔痘倍摄终败林辆敛竭措轴酮折卡胺害刻温痴呆巨钟糊给荷十按跟焦余亿花叠乐轮髓岛妇饮乌氏荟萃什瞻满覆沿陷住闻遥请腹羟抽痫疟粉株滑碳痛顶竞阴便久批困故尚盘村迟红淋脊毛枝石争止忽叉截望档寻篇泌占熟阈伯守昼罕殖酰班孟刚雄藻胖囊泄骤尤赋趣载阐御溅戏渲涉迭晚峰居杀担哈责癫侵肪乙撤尾葡贡漏许幅紧坏卓贯你东博访爆材戒想曼骼污培伊鉴坡霉塞赛详沙辐肽瓶弥帧邻桥累火欺扫味勒底团拿哺亲绘土萄男彩缝凸五抵就副虽忠某媒古警熵找裔雌剖耳绝丁灰娩霍填恶福太淀烯械黄肯登跃腔房牙泻卵洋落召帮惩罚六八妊娠耗萨跳弹政莫北伸欧隆危喷滴仪冻冒哪歧纹贵画须抓瞬鼓希云池百聊奋荡秩木草畸眼凝钙军苷乱洁疑费舞哥孪窥吗浮拼承谐盲冗举箱奥威泼藏阅绪书奇毫秒凶济裸菇榜暗锁托偿酯湿友溶附屏兰刊偶阳魏泡革打粪乘萎玻阱卒伦姆庭昂予纯没遍孤松灾匀银订灯畅站凑遇伏颅褪盐饰绍氯硫颗浓丙沟铁章胚枢脓疼兹士幸允幕穿才猜储梁稿添坦谷脱岁餐苏做努恒蓝粥胸酵丝客删牛麦商涌滞货很永州慰朗汀迫愿滋猪逊般棋猩迷撑兼朝借枚课叙瑟谈粗飞鞘停宽锐斜香匿诈职走塔椎剧鸟芥硝巢昆肩津唯螺觅蜜乎苯肤挥鸣繁唾禁驯埃俄绿冬套溯渡伍搏韦酚袭泰汁窗串九让另亮晰辟谨汤魔赌骗雾企扭菜醒弦瓣壳凋灌胃崩溃甜蜂款芯寡鼻辣圆顿湖荧瘦春蒙甘蝇弧冷蝙蝠届封弊珠祖倾猎胁父蚊铜璃炼肖咨垂册韧廓司恩膝髋撒待坐沃洗祉币只握窄颜锚凭甚削淆销巡胜汽槽尝歌诉瓦辞隙驳猫碎沉悖韩瘾楚欲募委弛舍左伽众寿付戈憾蛛休鞭巩肢迅羽豆净拮河岸油粘麻漂碱厌脆壤禽";

    /// <summary>
    /// The Chinese words of synthetic text, most frequent first: the first 30 technical terms at the head, the other
    /// technical terms spread through the middle and tail, and 6,000 pseudo-words of two to four common characters
    /// between them. <see cref="PickChinese"/> draws from this list with Zipf weights (1 / (rank + 3)), so a few
    /// words are in most rows and most words are rare, as in real abstracts. Fixed, whatever the corpus seed.
    /// </summary>
    public static readonly string[] ChineseWordsByRank = BuildRanked();

    private static readonly double[] Cumulative = BuildCumulative(ChineseWordsByRank.Length);

    /// <summary>A Chinese word drawn with Zipf weights over <see cref="ChineseWordsByRank"/>.</summary>
    public static string PickChinese(Random random)
    {
        var x = random.NextDouble() * Cumulative[^1];
        var i = Array.BinarySearch(Cumulative, x);
        return ChineseWordsByRank[Math.Min(i < 0 ? ~i : i, ChineseWordsByRank.Length - 1)];
    }

    private static string[] BuildRanked()
    {
        const int head = 30;
        const int spread = 40;
        var random = new Random(1500);
        var ranked = new List<string>(ChineseWords[..head]);
        var technical = new HashSet<string>(ChineseWords);
        var seen = new HashSet<string>(ChineseWords);
        var next = head;
        while (ranked.Count < 6000 + ChineseWords.Length)
        {
            if (next < ChineseWords.Length && ranked.Count >= head + ((next - head) * spread))
            {
                ranked.Add(ChineseWords[next++]);
                continue;
            }

            var length = random.Next(10) switch { < 6 => 2, < 9 => 3, _ => 4 };
            var word = new char[length];
            for (var c = 0; c < length; c++)
            {
                // Skewed towards the frequent characters: the square of a uniform number.
                var u = random.NextDouble();
                word[c] = CommonCharacters[(int)(u * u * CommonCharacters.Length)];
            }

            var text = new string(word);
            if (seen.Add(text) && !technical.Contains(text))
            {
                ranked.Add(text);
            }
        }

        return [.. ranked];
    }

    private static double[] BuildCumulative(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var r = 0; r < count; r++)
        {
            sum += 1.0 / (r + 3);
            cumulative[r] = sum;
        }

        return cumulative;
    }
}
