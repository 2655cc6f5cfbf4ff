using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace QaService.Embeddings;

/// <summary>
/// Rewrites an ONNX model so that every matrix product with a weight matrix runs in 8-bit integers: the weights are
/// stored as int8 with one scale per output column, and ONNX Runtime's <c>DynamicQuantizeMatMul</c> quantizes the
/// activations as they come. This is the dynamic quantization ONNX Runtime's own (Python) tooling applies to
/// transformer encoders (there per tensor by default, per column here), done at load time since no quantizer is served
/// for .NET. On the packaged sentence encoders it cuts a question's encoding time by more than half (see the README's
/// Performance section).
/// </summary>
internal static class Int8Weights
{
    private const string MicrosoftDomain = "com.microsoft";
    private const sbyte Largest = 127;

    /// <param name="parsed">Called once the model has been read from <paramref name="onnxModel"/>.</param>
    public static byte[] Quantize(Stream onnxModel, Action? parsed = null)
    {
        var model = ModelProto.Parser.ParseFrom(onnxModel);
        parsed?.Invoke();
        var graph = model.Graph;
        // A weight read anywhere else (by another node, in a subgraph, or as an input or output of the graph) keeps its
        // floats, so that nothing loses what it reads.
        var uses = Reads(graph).Concat(graph.Input.Select(i => i.Name)).Concat(graph.Output.Select(o => o.Name))
            .CountBy(name => name).ToDictionary();
        var weights = graph.Initializer.Where(t => IsFloatMatrix(t) && uses.GetValueOrDefault(t.Name) == 1).ToDictionary(t => t.Name);
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "MatMul" || node.Input.Count != 2 || !weights.Remove(node.Input[1], out var weight))
            {
                continue;
            }

            var (quantized, scales) = QuantizeColumns(weight);
            graph.Initializer.Remove(weight);
            graph.Initializer.Add(quantized);
            graph.Initializer.Add(scales);
            var replacement = new NodeProto { Name = node.Name, OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain };
            replacement.Input.Add(node.Input[0]);
            replacement.Input.Add(quantized.Name);
            replacement.Input.Add(scales.Name);
            replacement.Output.Add(node.Output);
            graph.Node[i] = replacement;
        }

        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return model.ToByteArray();
    }

    private static IEnumerable<string> Reads(GraphProto graph) =>
        graph.Node.SelectMany(node => node.Input.Concat(node.Attribute.SelectMany(a => a.G is null ? a.Graphs : a.Graphs.Prepend(a.G)).SelectMany(Reads)));

    /// <summary>A float matrix held in the model itself, whole (not in an external file).</summary>
    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.Dims.Count == 2
        && tensor.DataType == (int)TensorProto.Types.DataType.Float
        && tensor.DataLocation != TensorProto.Types.DataLocation.External
        && (tensor.RawData.Length > 0 ? tensor.RawData.Length : tensor.FloatData.Count * sizeof(float)) == tensor.Dims[0] * tensor.Dims[1] * sizeof(float);

    /// <summary>Symmetric int8 per output column: each column's largest magnitude maps to 127.</summary>
    private static (TensorProto Quantized, TensorProto Scales) QuantizeColumns(TensorProto weight)
    {
        var (rows, columns) = ((int)weight.Dims[0], (int)weight.Dims[1]);
        ReadOnlySpan<float> values = weight.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span) : weight.FloatData.ToArray();
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(values[r * columns + c]));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            scales[c] = scales[c] == 0 ? 1 : scales[c] / Largest;
        }

        var quantized = new sbyte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                quantized[r * columns + c] = (sbyte)Math.Clamp(MathF.Round(values[r * columns + c] / scales[c]), -Largest, Largest);
            }
        }

        var quantizedTensor = new TensorProto
        {
            Name = weight.Name + ".int8",
            DataType = (int)TensorProto.Types.DataType.Int8,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(quantized.AsSpan())),
        };
        quantizedTensor.Dims.Add(weight.Dims);
        var scaleTensor = new TensorProto
        {
            Name = weight.Name + ".scale",
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(scales.AsSpan())),
        };
        scaleTensor.Dims.Add(columns);
        return (quantizedTensor, scaleTensor);
    }
}
