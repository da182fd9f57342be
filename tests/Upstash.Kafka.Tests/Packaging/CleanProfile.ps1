# Dot-sourced by the install proofs. A throwaway user profile: HOME and PSModulePath point into a new temporary
# folder, and the XDG_* variables are unset (PSResourceGet ignores them where pwsh does not), so Install-Module,
# Install-PSResource and repository registrations land there and never in the profile of the person running the
# tests. On Windows no variable moves the per-user module folder (Documents\PowerShell\Modules) or LocalAppData:
# there the proofs refuse to run if Upstash.Kafka is already installed for the user, and unregister what they added.

function New-CleanProfile {
    $root = Join-Path ([IO.Path]::GetTempPath()) "upstash-kafka-install-$([guid]::NewGuid().ToString('N'))"
    $folders = [ordered]@{ Root = $root }
    foreach ($name in 'Home', 'Modules', 'Repository') {
        $folders[$name] = (New-Item -ItemType Directory -Force -Path (Join-Path $root $name)).FullName
    }
    [pscustomobject]$folders
}

# Runs a script in a new pwsh (the same pwsh as this one) inside the clean profile. The script ends by writing one
# JSON object, which is returned as an object; anything it printed, and a non-zero exit, fail with the text shown.
function Invoke-CleanPwsh($CleanProfile, [string] $Script) {
    $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        $start.ArgumentList.Add([Environment]::GetCommandLineArgs()[0])   # dotnet <path>/pwsh.dll
    }
    $resultFile = Join-Path $CleanProfile.Root "result-$([guid]::NewGuid().ToString('N')).json"
    $wrapped = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`n& {`n$Script`n} | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath '$resultFile'"
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $wrapped) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $CleanProfile.Root
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['HOME'] = $CleanProfile.Home
    foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $null = $start.Environment.Remove($name) }
    $start.Environment['PSModulePath'] = $CleanProfile.Modules
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(300000)) {
        $process.Kill($true)
        throw "pwsh did not finish within 5 minutes running:`n$Script"
    }
    $process.WaitForExit()
    $printed = ($stdout.Result + $stderr.Result).Trim()
    if ($process.ExitCode -ne 0 -or -not (Test-Path $resultFile)) {
        throw "pwsh exited with $($process.ExitCode) running:`n$Script`nIt printed:`n$printed"
    }
    Get-Content -Raw $resultFile | ConvertFrom-Json
    Remove-Item $resultFile
}

# Script text that registers the temporary folder repository under both package managers, with one name, and
# reports the user-scope module folder the clean pwsh installs into.
function Get-RegisterScript($CleanProfile, [string] $Name) {
    @"
Register-PSRepository -Name '$Name' -SourceLocation '$($CleanProfile.Repository)' -InstallationPolicy Trusted
Register-PSResourceRepository -Name '$Name' -Uri '$($CleanProfile.Repository)' -Trusted
`$userModules = @(`$env:PSModulePath -split [IO.Path]::PathSeparator)[0]
"@
}

# Forgets the profile. Registrations live in it, except on Windows, where they are in the real LocalAppData.
function Remove-CleanProfile($CleanProfile, [string] $Name) {
    if ($IsWindows) {
        $null = Invoke-CleanPwsh $CleanProfile @"
Unregister-PSRepository -Name '$Name' -ErrorAction SilentlyContinue
Unregister-PSResourceRepository -Name '$Name' -ErrorAction SilentlyContinue
@{ Done = `$true }
"@
    }
    Remove-Item -Recurse -Force $CleanProfile.Root -ErrorAction SilentlyContinue
}
