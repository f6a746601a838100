namespace TheBot.Tests.Deployment;

/// <summary>ingress-nginx no longer gets security fixes: an overlay can choose a Gateway API HTTPRoute instead of the Ingress.</summary>
public sealed class GatewayApiTests
{
    [Fact]
    public async Task The_gateway_component_replaces_the_Ingress_by_an_HTTPRoute_that_keeps_WebSockets_open_and_lets_the_gateway_reach_web()
    {
        var rendered = await RenderedOverlay.GetAsync("prod+gateway-api");

        Assert.Empty(rendered.OfKind("Ingress"));
        var route = rendered.Single("HTTPRoute", "web").GetProperty("spec");
        Assert.Equal("thebot", route.GetProperty("parentRefs")[0].GetProperty("name").GetString());
        var rule = route.GetProperty("rules").EnumerateArray().Single();
        Assert.Equal("web", rule.GetProperty("backendRefs")[0].GetProperty("name").GetString());
        Assert.Equal(8080, rule.GetProperty("backendRefs")[0].GetProperty("port").GetInt32());
        Assert.Equal("3600s", rule.GetProperty("timeouts").GetProperty("request").GetString());

        var policy = rendered.Single("NetworkPolicy", "web-from-gateway").GetProperty("spec");
        var from = policy.GetProperty("ingress")[0].GetProperty("from")[0];
        Assert.Equal("gateway", from.GetProperty("namespaceSelector").GetProperty("matchLabels").GetProperty("kubernetes.io/metadata.name").GetString());
        var web = rendered.Single("Deployment", "web").GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
        Assert.True(NetworkPolicyMatching.Selects(policy.GetProperty("podSelector"), web));
    }
}
