using System;
using System.Collections.Generic;
using System.Globalization;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// What Set-UpstashKafkaTopic was asked to change, applied to the topic as read. *(decision, from the contract)*
    /// Reconfigure takes all four values, so what was not given is filled from the topic. -1 is resolved to the
    /// cluster's limit here (the contract documents -1 for create only), so what is sent is always a real number.
    /// </summary>
    internal sealed class TopicChange
    {
        public TopicChange(int? partitions, TimeSpan? retentionTime, long? retentionSize, long? maxMessageSize)
        {
            Partitions = partitions;
            RetentionTimeMs = retentionTime == null ? (long?)null : TopicSettings.ToMilliseconds(retentionTime.Value);
            RetentionSize = retentionSize;
            MaxMessageSize = maxMessageSize;
        }

        public int? Partitions { get; }

        public long? RetentionTimeMs { get; }

        public long? RetentionSize { get; }

        public long? MaxMessageSize { get; }

        public bool IsEmpty => Partitions == null && RetentionTimeMs == null && RetentionSize == null && MaxMessageSize == null;

        /// <summary>True when a -1 needs the cluster's limits.</summary>
        public bool NeedsClusterLimits => RetentionTimeMs == -1 || RetentionSize == -1 || MaxMessageSize == -1;

        /// <summary>"partitions 6, retention time 7.00:00:00": what -WhatIf and -Confirm show.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            Add(parts, "partitions", Partitions, Partitions?.ToString(CultureInfo.InvariantCulture));
            Add(parts, "retention time", RetentionTimeMs, RetentionTimeMs == null ? null : TopicSettings.ToTimeSpan(RetentionTimeMs.Value).ToString());
            Add(parts, "retention size", RetentionSize, RetentionSize + " bytes");
            Add(parts, "max message size", MaxMessageSize, MaxMessageSize + " bytes");
            return string.Join(", ", parts);
        }

        /// <summary>The four values to send.</summary>
        /// <exception cref="TopicChangeRefusedException">Fewer partitions than now, or a value neither given nor known.</exception>
        public TopicSettings ApplyTo(KafkaTopic current, ClusterLimits? limits)
        {
            int currentPartitions = current.Partitions ?? throw Unknown(current, "partition count", "-Partitions");
            if (Partitions < currentPartitions)
            {
                throw new TopicChangeRefusedException(
                    $"Topic '{current.Name}' has {currentPartitions} partitions, and Kafka cannot take partitions away: -Partitions {Partitions} was refused and nothing was sent. " +
                    "To have fewer, create a new topic and move its consumers.",
                    "TopicPartitionsCannotShrink");
            }

            return new TopicSettings(
                Partitions ?? currentPartitions,
                Resolve(RetentionTimeMs, limits?.MaxRetentionTimeMs, current.RetentionTime == null ? (long?)null : TopicSettings.ToMilliseconds(current.RetentionTime.Value), current, "retention time", "-RetentionTime"),
                Resolve(RetentionSize, limits?.MaxRetentionSize, current.RetentionSize, current, "retention size", "-RetentionSize"),
                Resolve(MaxMessageSize, limits?.MaxMessageSize, current.MaxMessageSize, current, "largest message size", "-MaxMessageSize"));
        }

        private static long Resolve(long? given, long? clusterLimit, long? now, KafkaTopic topic, string what, string parameter)
        {
            if (given == -1)
            {
                return clusterLimit ?? throw new TopicChangeRefusedException(
                    $"Topic '{topic.Name}' was not changed: {parameter} -1 asks for the cluster's highest {what}, but cluster {topic.ClusterId} did not say what that is. Give a value.",
                    "ClusterLimitUnknown");
            }

            return given ?? now ?? throw Unknown(topic, what, parameter);
        }

        private static TopicChangeRefusedException Unknown(KafkaTopic topic, string what, string parameter) =>
            new TopicChangeRefusedException(
                $"Topic '{topic.Name}' was not changed: the API did not say its current {what}, and reconfiguring sends all four values. Give {parameter} too.",
                "TopicSettingUnknown");

        private static void Add(List<string> parts, string name, object? value, string? text)
        {
            if (value != null)
            {
                parts.Add(name + " " + (Equals(value, -1L) ? "the cluster's highest" : text));
            }
        }
    }

    /// <summary>A change that cannot be made, found before anything was sent; its ErrorId says which rule refused it.</summary>
    internal sealed class TopicChangeRefusedException : Exception
    {
        public TopicChangeRefusedException(string message, string errorId)
            : base(message)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
