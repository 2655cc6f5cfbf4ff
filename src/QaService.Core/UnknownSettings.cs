using Microsoft.Extensions.Configuration;

namespace QaService;

/// <summary>
/// Every options section refuses keys it does not have: a misspelt setting (<c>--Retrieval:TopKK=5</c>) is an error
/// at start, not a setting silently ignored.
/// </summary>
public static class UnknownSettings
{
    public static void Refuse(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}
