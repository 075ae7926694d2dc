using System.Globalization;
using FluentValidation;
using FluentValidation.Resources;
using PosaX.Web.Infrastructure.Text;

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
        ValidatorOptions.Global.LanguageManager = new SiteLanguageManager();
        return services;
    }

    /// <summary>FluentValidation's own messages (a rule without WithMessage) in the page's language: French for the
    /// invariant culture too (FluentValidation would take that for English).</summary>
    private sealed class SiteLanguageManager : ILanguageManager
    {
        private readonly LanguageManager _messages = new();

        public bool Enabled { get => _messages.Enabled; set => _messages.Enabled = value; }

        /// <summary>Always the current language's: a fixed culture would freeze one language.</summary>
        public CultureInfo? Culture { get => Languages.Culture; set { } }

        public string GetString(string key, CultureInfo? culture = null) => _messages.GetString(key, culture ?? Languages.Culture);
    }
}
