using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace QaService.Generation;

/// <summary>
/// Reads prompt templates from the prompts folder in Semantic Kernel's prompt-directory format
/// (<c>&lt;Plugin&gt;/&lt;Function&gt;/skprompt.txt</c> + <c>config.json</c>) and renders them. The files are read on
/// every use, so an edited prompt applies to the next question without a restart.
/// </summary>
public sealed class PromptFiles(IOptions<LlmOptions> options, IHostEnvironment environment)
{
    public const string Answer = "Answering/Answer";
    public const string Condense = "Conversation/Condense";

    private static readonly KernelPromptTemplateFactory Templates = new();
    private static readonly Kernel NoPlugins = new();

    /// <summary>
    /// The prompts folder: a relative <c>Llm:PromptsPath</c> is read from the working folder when it has one (the
    /// repository root), else from beside the binary, which carries a copy.
    /// </summary>
    public string Folder
    {
        get
        {
            var inContentRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PromptsPath));
            var besideTheBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.Value.PromptsPath));
            return Directory.Exists(inContentRoot) || !Directory.Exists(besideTheBinary) ? inContentRoot : besideTheBinary;
        }
    }

    /// <summary>
    /// Renders a prompt into Semantic Kernel's chat syntax (<c>&lt;message role="..."&gt;</c>). Argument values are
    /// HTML-encoded by the template engine, so a question or passage cannot open a message of another role.
    /// </summary>
    public async Task<string> RenderAsync(string name, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Folder, name);
        var templatePath = Path.Combine(folder, "skprompt.txt");
        var configPath = Path.Combine(folder, "config.json");
        if (!File.Exists(templatePath) || !File.Exists(configPath))
        {
            throw new PromptFileException($"The prompt {name} is missing: expected {templatePath} and {configPath}.", $"the prompt {name} is missing");
        }

        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(await File.ReadAllTextAsync(configPath, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new PromptFileException($"{configPath} is not a valid prompt configuration.", $"the prompt {name}'s config.json is not a valid prompt configuration", e);
        }

        config.Template = await File.ReadAllTextAsync(templatePath, cancellationToken).ConfigureAwait(false);
        var rendered = await Templates.Create(config).RenderAsync(NoPlugins, arguments, cancellationToken).ConfigureAwait(false);
        EnsureChatMessages(rendered, name, templatePath);
        return rendered;
    }

    /// <summary>
    /// Semantic Kernel quietly sends a prompt that is not well-formed chat XML as one user message, rules and all;
    /// refuse that instead, so an edit that breaks the markup cannot put the rules in the user's mouth.
    /// </summary>
    private static void EnsureChatMessages(string rendered, string name, string templatePath)
    {
        try
        {
            var roles = XElement.Parse($"<prompt>{rendered}</prompt>").Elements("message").Select(m => (string?)m.Attribute("role")).ToList();
            if (roles.Contains("system") && roles.Contains("user"))
            {
                return;
            }
        }
        catch (XmlException)
        {
        }

        const string Rule = "must hold a <message role=\"system\"> and a <message role=\"user\"> as well-formed XML (write & as &amp; and < as &lt; in its own text)";
        throw new PromptFileException($"{templatePath} {Rule}.", $"the prompt {name}'s skprompt.txt {Rule}");
    }
}
