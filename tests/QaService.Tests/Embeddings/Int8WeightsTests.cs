using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using QaService.Embeddings;

namespace QaService.Tests.Embeddings;

/// <summary>
/// The 8-bit rewrite on a small model built here: X·A (A read once, stored as float values) and X·B, Y·B (B shared).
/// ONNX Runtime must run the rewritten model and give nearly the float products.
/// </summary>
public sealed class Int8WeightsTests
{
    private const int Rows = 3;
    private const int Inner = 4;
    private const int Columns = 5;

    private static readonly float[] A = [.. Enumerable.Range(0, Inner * Columns).Select(i => MathF.Sin(i) * (i % Columns + 1))];
    private static readonly float[] B = [.. Enumerable.Range(0, Inner * Columns).Select(i => MathF.Cos(i))];
    private static readonly float[] X = [.. Enumerable.Range(0, Rows * Inner).Select(i => (i % 7) - 3f)];
    private static readonly float[] Y = [.. Enumerable.Range(0, Rows * Inner).Select(i => (i % 5) * 0.5f)];

    [Fact]
    public void AWeightReadOnce_IsRewritten_AndASharedOneKeepsItsFloats()
    {
        var rewritten = ModelProto.Parser.ParseFrom(Int8Weights.Quantize(new MemoryStream(Model().ToByteArray())));

        var byOutput = rewritten.Graph.Node.ToDictionary(n => n.Output[0]);
        Assert.Equal("DynamicQuantizeMatMul", byOutput["XA"].OpType);
        Assert.Equal("MatMul", byOutput["XB"].OpType);
        Assert.Equal("MatMul", byOutput["YB"].OpType);
        var initializers = rewritten.Graph.Initializer.ToDictionary(t => t.Name);
        Assert.Equal((int)TensorProto.Types.DataType.Float, initializers["B"].DataType);
        Assert.False(initializers.ContainsKey("A"));

        // One scale per output column: the column's largest magnitude over 127.
        var scales = initializers[byOutput["XA"].Input[2]].RawData.Span.ToArray();
        var expected = Enumerable.Range(0, Columns).Select(c => Enumerable.Range(0, Inner).Max(r => MathF.Abs(A[r * Columns + c])) / 127).ToArray();
        Assert.Equal(expected, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(scales).ToArray());
    }

    [Fact]
    public void TheRewrittenModel_GivesNearlyTheFloatProducts()
    {
        using var session = new InferenceSession(Int8Weights.Quantize(new MemoryStream(Model().ToByteArray())));
        using var outputs = session.Run(
        [
            NamedOnnxValue.CreateFromTensor("X", new DenseTensor<float>(X, [Rows, Inner])),
            NamedOnnxValue.CreateFromTensor("Y", new DenseTensor<float>(Y, [Rows, Inner])),
        ]);
        var results = outputs.ToDictionary(o => o.Name, o => ((DenseTensor<float>)o.Value).Buffer.ToArray());

        AssertNear(Product(X, A), results["XA"], tolerance: 0.05f);
        AssertNear(Product(X, B), results["XB"], tolerance: 1e-5f);
        AssertNear(Product(Y, B), results["YB"], tolerance: 1e-5f);
    }

    private static void AssertNear(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(MathF.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(actual[i], expected[i] - tolerance * scale, expected[i] + tolerance * scale);
        }
    }

    private static float[] Product(float[] left, float[] right)
    {
        var product = new float[Rows * Columns];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                for (var k = 0; k < Inner; k++)
                {
                    product[r * Columns + c] += left[r * Inner + k] * right[k * Columns + c];
                }
            }
        }

        return product;
    }

    private static ModelProto Model()
    {
        var graph = new GraphProto { Name = "products" };
        graph.Input.Add(Value("X", Rows, Inner));
        graph.Input.Add(Value("Y", Rows, Inner));
        graph.Output.Add(Value("XA", Rows, Columns));
        graph.Output.Add(Value("XB", Rows, Columns));
        graph.Output.Add(Value("YB", Rows, Columns));
        graph.Initializer.Add(Matrix("A", A, raw: false));
        graph.Initializer.Add(Matrix("B", B, raw: true));
        graph.Node.Add(MatMul("X", "A", "XA"));
        graph.Node.Add(MatMul("X", "B", "XB"));
        graph.Node.Add(MatMul("Y", "B", "YB"));
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    private static NodeProto MatMul(string left, string right, string output)
    {
        var node = new NodeProto { OpType = "MatMul", Name = output };
        node.Input.Add(left);
        node.Input.Add(right);
        node.Output.Add(output);
        return node;
    }

    private static TensorProto Matrix(string name, float[] values, bool raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add([Inner, Columns]);
        if (raw)
        {
            tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            tensor.FloatData.Add(values);
        }

        return tensor;
    }

    private static ValueInfoProto Value(string name, int rows, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = rows });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
