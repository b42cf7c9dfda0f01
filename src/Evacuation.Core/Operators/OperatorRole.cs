namespace Evacuation.Core.Operators;

/// <summary>What an operator key may do. Each role includes everything the ones before it may do.</summary>
public enum OperatorRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer = 0,

    /// <summary>Also imports citizens and sends broadcasts.</summary>
    Operator = 1,

    /// <summary>Also manages keys, crossings and schedules.</summary>
    Admin = 2,
}
