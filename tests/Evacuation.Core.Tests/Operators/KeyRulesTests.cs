using Evacuation.Core.Operators;

namespace Evacuation.Core.Tests.Operators;

public sealed class KeyRulesTests
{
    static StoredApiKey Key(OperatorRole role, bool revoked = false) => new() { Name = role.ToString(), Role = role, RevokedAt = revoked ? DateTime.UnixEpoch : null };

    [Fact]
    public void The_last_admin_key_may_not_be_revoked_and_one_of_two_may()
    {
        var admin = Key(OperatorRole.Admin);
        var viewer = Key(OperatorRole.Viewer);
        Assert.Contains("last Admin key", KeyRevocation.Refusal(admin, [admin, viewer]));
        var second = Key(OperatorRole.Admin);
        Assert.Null(KeyRevocation.Refusal(admin, [admin, second, viewer]));
        Assert.Null(KeyRevocation.Refusal(viewer, [admin, viewer]));
    }

    [Fact]
    public void A_revoked_key_is_not_revoked_twice() =>
        Assert.Contains("already revoked", KeyRevocation.Refusal(Key(OperatorRole.Viewer, revoked: true), []));

    [Theory]
    [InlineData("<long-random-key-1>", true)]
    [InlineData("Host=db;Password=<password>", true)]
    [InlineData("<twilio-auth-token>", true)]
    [InlineData("evac_3q0kLm-Xx_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("", false)]
    [InlineData("a>b<c", false)]
    public void Placeholders_are_values_in_angle_brackets(string value, bool placeholder) =>
        Assert.Equal(placeholder, KeySecrets.IsPlaceholder(value));

    [Theory]
    [InlineData("wall screen", null)]
    [InlineData("", "name is required")]
    [InlineData(" padded", "spaces")]
    [InlineData("tab\there", "control characters")]
    [InlineData("Replies", "signs its own messages")]
    [InlineData("reminder-sweep", "signs its own messages")]
    public void Key_names_read_as_names(string name, string? problem)
    {
        var found = KeyName.Problem(name);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }
}
