namespace PosaX.Web.Infrastructure.Images;

public static class ImagesRegistration
{
    /// <summary>The image pipeline (uploads re-encoded, stored under media keys) and its storage settings.</summary>
    public static WebApplicationBuilder AddPosaXImages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        // Several instances: the pictures in one bucket (the pipeline takes it when registered).
        if (builder.Configuration.GetValue<StorageProvider>($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}") == StorageProvider.S3)
            builder.Services.AddSingleton<S3MediaStore>();
        builder.Services.AddSingleton<ImagePipeline>();
        builder.Services.AddSingleton<WithheldMedia>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WithheldMedia>());
        return builder;
    }
}
