namespace Evacuation.Core.Operators;

/// <summary>Where an operator key came from, shown in <c>GET /api/keys</c>.</summary>
public enum KeySource
{
    /// <summary>Listed in <c>Operators:ApiKeys</c>; written to the table at every start.</summary>
    Configured,

    /// <summary>Made through <c>POST /api/keys</c> or <c>evac keys create</c>.</summary>
    Created,

    /// <summary>The Admin key the first start made because no key existed.</summary>
    FirstStart,
}
