# Build: the publish command the README gives, ahead-of-time compiled (ReadyToRun) for a fast cold start.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Digest.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app \
 && dotnet publish src/Digest.Cli -c Release -o /app/cli

# Run: the ASP.NET Core runtime only, as a non-root user, with the database and the digest folder in /data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY seeds /app/seeds
RUN mkdir -p /data/digests && chown -R app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Digest__DatabasePath=/data/digest.db \
    Digest__DigestFolder=/data/digests \
    Digest__SeedsFolder=/app/seeds
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Digest.Web.dll"]
