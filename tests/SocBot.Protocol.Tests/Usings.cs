global using Microsoft.Extensions.Time.Testing;
global using SocBot.Testing;
