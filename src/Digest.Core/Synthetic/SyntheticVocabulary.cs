namespace Digest.Core.Synthetic;

/// <summary>The words synthetic digests are made of: technical Chinese, English terms and author names.</summary>
internal static class SyntheticVocabulary
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
}
