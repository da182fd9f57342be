// The web SDK's implicit usings, written out: this project uses the plain SDK with a framework reference so that
// test projects can reference it like any library.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.Extensions.Logging;
