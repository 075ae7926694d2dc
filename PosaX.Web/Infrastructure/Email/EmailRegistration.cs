namespace PosaX.Web.Infrastructure.Email;

public static class EmailRegistration
{
    public static WebApplicationBuilder AddPosaXEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Mailer>();
        services.AddHttpClient("sendgrid");
        var useSendGrid = !string.IsNullOrWhiteSpace(builder.Configuration[$"{SendGridOptions.Section}:ApiKey"]);
        if (useSendGrid)
            services.AddScoped<IEmailTransport, SendGridTransport>();
        else
            services.AddSingleton<IEmailTransport, PickupDirectoryTransport>();
        services.AddHostedService<OutboxSender>();
        return builder;
    }
}
