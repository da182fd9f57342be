<#
.SYNOPSIS
Runs one Pester file and writes what happened to a JSON file, for the xunit real-shell lane (PesterFileTests).

.DESCRIPTION
Every It with its full name, result, message and location; every block or container that failed outside an It
(a BeforeAll that threw, a file that does not parse). The xunit test reads the JSON; the Detailed console output goes
to stdout, which the xunit test shows when the file fails.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $TestFile,
    [Parameter(Mandatory)] [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterManifest

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestFile
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$run = Invoke-Pester -Configuration $configuration

function Get-FailureText($errorRecords) {
    @($errorRecords | ForEach-Object {
            $message = if ($_.PSObject.Properties['DisplayErrorMessage']) { $_.DisplayErrorMessage } else { $_.Exception.Message }
            $where = if ($_.PSObject.Properties['DisplayStackTrace']) { $_.DisplayStackTrace } else { $_.ScriptStackTrace }
            "$message`n$where".Trim()
        }) -join "`n"
}

$report = [ordered]@{
    pesterVersion    = (Get-Module Pester).Version.ToString()
    result           = "$($run.Result)"
    tests            = @($run.Tests | ForEach-Object {
            [ordered]@{
                name     = $_.ExpandedPath
                result   = "$($_.Result)"
                location = "$([IO.Path]::GetFileName($_.ScriptBlock.File)):$($_.StartLine)"
                message  = Get-FailureText $_.ErrorRecord
            }
        })
    failedBlocks     = @($run.FailedBlocks | ForEach-Object { [ordered]@{ name = $_.ExpandedPath; message = Get-FailureText $_.ErrorRecord } })
    failedContainers = @($run.FailedContainers | ForEach-Object { [ordered]@{ name = "$($_.Item)"; message = Get-FailureText $_.ErrorRecord } })
}
$report | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $ResultFile -Encoding utf8
