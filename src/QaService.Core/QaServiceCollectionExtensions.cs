using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Answering.Learning;
using QaService.Conversation;
using QaService.Documents;
using QaService.Embeddings;
using QaService.Generation;
using QaService.Indexing;
using QaService.Ingestion;
using QaService.Retrieval;

namespace QaService;

public static class QaServiceCollectionExtensions
{
    /// <summary>The pipeline: documents, chunking, the index and its owner, retrieval, conversations and answering (extractive, and generative when a model is configured), with validated options.</summary>
    public static IServiceCollection AddQaCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.SectionName, UnknownSettings.Refuse).ValidateOnStart();
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexOptions>, IndexOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChunkingOptions>, ChunkingOptionsValidator>());

        services.AddSingleton<DocumentLoader>();
        services.AddSingleton<Chunker>();
        services.AddSingleton<IndexOwner>();
        services.AddSingleton<Retriever>();
        services.AddSingleton<AnswerModel>();
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddGeneration();
        services.AddConversations();
        services.AddSingleton<Asker>();

        if (configuration.GetValue($"{RetrievalOptions.SectionName}:{nameof(RetrievalOptions.Dense)}", defaultValue: true))
        {
            services.AddSingleton<IEmbeddingModel, PackagedEnsembleModel>();
            services.AddSingleton<EmbeddingStore>();
            services.AddSingleton<QuestionVectors>();
            services.AddSingleton<ISemanticScorer, DenseScorer>();
        }

        return services;
    }

    /// <summary>Builds or reuses the index when the host starts, then keeps it on the latest generation and documents.</summary>
    public static IServiceCollection AddIndexingAtStart(this IServiceCollection services) =>
        services.AddHostedService<IndexingService>().AddHostedService<IndexWatcher>();
}
