using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public sealed class CjkTokenizerTests
{
    [Theory]
    [InlineData("强化学习", "强化 化学 学习 习")]
    [InlineData("LLM强化学习", "llm 强化 化学 学习 习")]
    [InlineData("学", "学")]
    [InlineData("mLLMs are GPT-4o", "mllms are gpt 4o")]
    [InlineData("模型，遗忘（幻觉）", "模型 型 ·型遗 遗忘 忘 ·忘幻 幻觉 觉")]
    [InlineData("学，习 RL 强化", "学 ·学习 习 rl 强化 化")]
    [InlineData("a\u0000b\tc", "a b c")]
    [InlineData("Müller", "m ü ller")]
    [InlineData("", "")]
    public void Index_text_is_words_terminated_bigrams_and_junctions(string text, string tokens)
    {
        Assert.Equal(tokens, CjkTokenizer.IndexText(text));
    }

    [Fact]
    public void Two_texts_are_tokenised_one_after_the_other()
    {
        Assert.Equal("强化 化 rl", CjkTokenizer.IndexText("强化", null, "RL"));
        Assert.Equal("强化 化 ·化学 学习 习", CjkTokenizer.IndexText("强化", "学习"));
    }
}
