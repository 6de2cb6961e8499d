global using NUnit.Framework;
global using static Microsoft.Playwright.Assertions;
