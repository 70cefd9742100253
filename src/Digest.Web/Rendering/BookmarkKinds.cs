namespace Digest.Web.Rendering;

public static class BookmarkKinds
{
    public const string Day = "day";
    public const string Paper = "paper";
}
