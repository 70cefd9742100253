using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Errors;

/// <summary>/errors/{code}: the friendly zh-CN page behind every 400, 404 and 500 (the exception handler logs the detail).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        400 => "这个地址的格式不对",
        404 => "找不到这一页",
        _ => "出了点问题",
    };

    public string Explanation => Code switch
    {
        400 => "日期要写成 yyyy-MM-dd，例如 /day/2025-10-22。",
        404 => "没有这一天的摘要、这篇论文或这位作者。也许地址拼错了，或者它还没有导入。",
        _ => "服务器处理这个请求时出错了。请稍后再试；详细信息已写入日志。",
    };

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Code;
        Response.Headers.Remove("ETag");
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
