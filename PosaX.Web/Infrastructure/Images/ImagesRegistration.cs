namespace PosaX.Web.Infrastructure.Images;

public static class ImagesRegistration
{
    /// <summary>The image pipeline (uploads re-encoded, stored under media keys) and its storage settings.</summary>
    public static WebApplicationBuilder AddPosaXImages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddSingleton<ImagePipeline>();
        builder.Services.AddSingleton<WithheldMedia>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WithheldMedia>());
        return builder;
    }
}
