using System;
using System.Globalization;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// -RetentionTime takes a TimeSpan. PowerShell would turn a bare number into that many 100-ns ticks, so
    /// -RetentionTime 604800000 (meaning milliseconds, as the API has it) would silently keep messages for a minute.
    /// *(decision)* A bare number is refused with the ways to say it, except -1: the highest the cluster allows. A
    /// number in a string is treated the same ('-1' arrives as a string from the command line, and '7' would
    /// otherwise be read as seven days).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class RetentionTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                value = number;
            }

            switch (value)
            {
                case int _:
                case long _:
                case short _:
                case byte _:
                case double _:
                case float _:
                case decimal _:
                    if (Convert.ToDouble(value, CultureInfo.InvariantCulture) == -1)
                    {
                        return TopicSettings.Highest;
                    }

                    throw new ArgumentTransformationMetadataException(
                        $"A bare number ({Convert.ToString(value, CultureInfo.InvariantCulture)}) is not a retention time: PowerShell would read it as ticks of 100 ns. " +
                        "Give a TimeSpan, such as (New-TimeSpan -Days 7), [timespan]::FromHours(12) or '7.00:00:00', or -1 for the highest the cluster allows.");
                default:
                    return inputData;
            }
        }
    }

    /// <summary>A retention time is at least one millisecond, or -1 (<see cref="TopicSettings.Highest"/>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateRetentionTimeAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is TimeSpan time && time != TopicSettings.Highest && time < TimeSpan.FromMilliseconds(1))
            {
                throw new ValidationMetadataException(
                    $"The retention time {time} is not allowed: give at least one millisecond, or -1 for the highest the cluster allows.");
            }
        }
    }

    /// <summary>A size in bytes is positive, or -1 for the highest the cluster allows.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTopicSizeAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is long size && size != -1 && size < 1)
            {
                throw new ValidationMetadataException(
                    $"The size {size} is not allowed: give a number of bytes (10GB works), or -1 for the highest the cluster allows.");
            }
        }
    }
}
