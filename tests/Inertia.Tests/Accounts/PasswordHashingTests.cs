using Inertia.Accounts;

namespace Inertia.Tests.Accounts;

public class PasswordHashingTests
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_never_repeats()
    {
        var hash = PasswordHashing.Hash("correct horse battery");
        Assert.True(PasswordHashing.Verify(hash, "correct horse battery"));
        Assert.False(PasswordHashing.Verify(hash, "correct horse batterY"));
        Assert.NotEqual(hash, PasswordHashing.Hash("correct horse battery"));
        Assert.DoesNotContain("correct", hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann", null)]
    [InlineData("张三", null)]
    [InlineData("a.b-c_d@e", null)]
    [InlineData("", "A user name is required.")]
    [InlineData("a/b", "A user name may hold letters, digits and . _ - @ only; '/' is not allowed.")]
    public void User_names_are_checked(string name, string? problem) => Assert.Equal(problem, AccountRules.CheckUsername(name)?.ToString());

    [Fact]
    public void Generated_passwords_are_long_and_different()
    {
        var first = AccountRules.GeneratePassword();
        Assert.Equal(20, first.Length);
        Assert.Null(AccountRules.CheckPassword(first));
        Assert.NotEqual(first, AccountRules.GeneratePassword());
    }
}
