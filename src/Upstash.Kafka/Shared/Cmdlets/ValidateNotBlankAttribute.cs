using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Refuses an id or name that is empty or only spaces, at binding. [ValidateNotNullOrEmpty] lets "  " through,
    /// and the cmdlets trim it to nothing: `' ' | Remove-UpstashKafkaConnector` would have sent DELETE /connector/.
    /// </summary>
    public sealed class ValidateNotBlankAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            object value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (value == null || (value is string text && text.Trim().Length == 0))
            {
                throw new ValidationMetadataException("The value is empty or only spaces. Give an id or name, e.g. one from Get-UpstashKafkaConnector.");
            }
        }
    }
}
