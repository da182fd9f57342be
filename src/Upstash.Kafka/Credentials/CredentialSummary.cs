namespace Upstash.Kafka.Api
{
    /// <summary>A credential without its password, for completion lists that are cached for a while.</summary>
    internal sealed class CredentialSummary
    {
        public CredentialSummary(KafkaCredential credential)
        {
            CredentialId = credential.CredentialId;
            Name = credential.Name;
            ClusterId = credential.ClusterId;
            Topic = credential.Topic;
            Permission = credential.Permission;
        }

        public string CredentialId { get; }

        public string Name { get; }

        public string ClusterId { get; }

        public string? Topic { get; }

        public string? Permission { get; }
    }
}
