using Digest.Web.Api;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddDigestSearch(); // search (#4)
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
app.MapRazorPages();
app.MapSearchEndpoints(); // search (#4)

app.Run();

public partial class Program;
