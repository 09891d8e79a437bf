global using SocBot.Testing;
