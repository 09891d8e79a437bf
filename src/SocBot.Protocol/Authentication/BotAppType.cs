namespace SocBot.Protocol.Authentication;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
