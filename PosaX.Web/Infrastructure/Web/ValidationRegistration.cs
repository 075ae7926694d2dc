using FluentValidation;

namespace PosaX.Web.Infrastructure.Web;

public static class ValidationRegistration
{
    /// <summary>
    /// Every validator in the assembly as IValidator&lt;T&gt;; pages inject it and call
    /// ValidateAsync (FluentValidation's automatic MVC validation is deprecated by its authors).
    /// </summary>
    public static IServiceCollection AddPosaXValidators(this IServiceCollection services)
    {
        foreach (var type in typeof(ValidationRegistration).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddSingleton(contract, type);
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("fr");
        return services;
    }
}
