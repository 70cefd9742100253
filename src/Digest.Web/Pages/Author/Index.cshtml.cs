using Digest.Core.Storage;
using Digest.Core.Storage.Reading;
using Digest.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages.Author;

/// <summary>/author/{name}: the author's papers, newest first, with how often each appeared.</summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(PaperStore store) : PageModel
{
    public AuthorPapers Author { get; private set; } = null!;

    public IActionResult OnGet(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || store.GetAuthor(name) is not { } author)
        {
            return NotFound();
        }

        Author = author;
        return Page();
    }
}
