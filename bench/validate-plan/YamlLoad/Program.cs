using YamlDotNet.RepresentationModel;

// Loads the file into YamlDotNet's node model and counts the nodes, so the parse cannot be skipped.
var stream = new YamlStream();
using (var reader = File.OpenText(args[0]))
{
    stream.Load(reader);
}
Console.WriteLine(stream.Documents[0].AllNodes.Count());
