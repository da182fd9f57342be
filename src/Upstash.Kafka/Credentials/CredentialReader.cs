using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Reads a credential reply into a <see cref="KafkaCredential"/>; the password goes into a PSCredential only.</summary>
    internal static class CredentialReader
    {
        private static readonly HashSet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "credential_id", "credential_name", "topic", "permissions", "cluster_id", "cluster_slug", "username",
            "password", "creation_time", "state",
        };

        /// <param name="secrets">The calling client's redactor: the password read here is masked in everything it writes later.</param>
        /// <exception cref="ReplyShapeException">The value is not a credential.</exception>
        public static KafkaCredential Read(JToken token, SecretRedactor secrets)
        {
            if (!(token is JObject obj))
            {
                throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a credential object");
            }

            string? id = JsonFields.String(obj, "credential_id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ReplyShapeException("the object it returned has no credential_id, so it is not a credential");
            }

            string? password = JsonFields.String(obj, "password");
            secrets.Add(password);
            return new KafkaCredential
            {
                CredentialId = id!,
                Name = JsonFields.String(obj, "credential_name") ?? string.Empty,
                Topic = JsonFields.String(obj, "topic"),
                Permission = PermissionName(JsonFields.String(obj, "permissions")),
                ClusterId = JsonFields.String(obj, "cluster_id") ?? string.Empty,
                ClusterSlug = JsonFields.String(obj, "cluster_slug"),
                Credential = KafkaLogin.From(JsonFields.String(obj, "username"), password),
                State = JsonFields.String(obj, "state"),
                CreationTime = UnixTime.FromSeconds(JsonFields.Seconds(obj, "creation_time")),
                AdditionalFields = UnknownFields.Read(obj, KnownFields, secrets),
            };
        }

        /// <summary>*(decision)* ALL, PRODUCE, CONSUME read as All, Produce, Consume: the spelling -Permission takes. Others are kept as sent.</summary>
        internal static string? PermissionName(string? apiValue)
        {
            if (string.IsNullOrEmpty(apiValue))
            {
                return apiValue;
            }

            foreach (string known in CredentialPermissions.Names)
            {
                if (string.Equals(known, apiValue, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            return apiValue;
        }
    }

    /// <summary>The permissions a credential can have: what -Permission takes, and what the API calls them.</summary>
    internal static class CredentialPermissions
    {
        public static readonly string[] Names = { "All", "Produce", "Consume" };

        public static string ApiValue(string name) => name.ToUpper(CultureInfo.InvariantCulture);
    }
}
