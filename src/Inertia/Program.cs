using System.Text;
using Inertia.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return await InertiaCommand.Create().Parse(args).InvokeAsync();
