using System.Text;
using System.Xml;

namespace Digest.Web.Api;

/// <summary>Text made safe for XML documents (feeds, sitemaps): characters XML cannot hold are dropped.</summary>
public static class XmlText
{
    /// <summary>The text without control characters XML forbids and without lone surrogates.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
