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
        // FluentValidation's own messages follow the request's UI culture (French or English, from the path).
        ValidatorOptions.Global.LanguageManager.Culture = null;
        return services;
    }
}
