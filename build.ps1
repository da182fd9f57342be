<#
.SYNOPSIS
Builds Upstash.Kafka and runs its tests: the Pester suite in a real pwsh, then the xunit tests.

.DESCRIPTION
For people who work in pwsh. On a fresh clone run `dotnet tool restore`, then `dotnet pwsh ./build.ps1`.

1. dotnet build Upstash.sln: lays out the importable module in out/Upstash.Kafka/ (and restores Pester 5.7.1 into
   the NuGet package folder, through the test project).
2. The Pester suite, tests/pester/*.Tests.ps1, in a new `dotnet pwsh -NoProfile` against the built module and a local
   API emulator started on a free loopback port. UPSTASH_API_URL, UPSTASH_EMAIL and UPSTASH_API_KEY are set for that
   pwsh only; this session's environment is left as it was. Pester prints each test as it runs.
3. dotnet test Upstash.sln: the xunit tests (the real-shell lane that runs the same Pester files is left out, as
   step 2 just ran them).

With -Package, after the build and before the tests, the release is packed into out/packages/:
- Upstash.Kafka.<version>.nupkg: the gallery package of out/Upstash.Kafka plus LICENSE, packed by PSResourceGet,
  which `Install-Module` and `Install-PSResource` install;
- upstash-kafka-emulator.<version>.nupkg: the emulator as a .NET tool (`dotnet tool install upstash-kafka-emulator`).

The script stops at the first step that fails and exits non-zero. It never imports the module into this session,
so the next build can overwrite out/ freely.

.PARAMETER Configuration
The build configuration: Debug (the default) or Release. With -Package the default is Release: a Debug build runs
the module's code without JIT optimizations, several times slower per call, so it is packed only when asked for by
name (the packaging tests do, to pack the build they just tested).

.PARAMETER SkipTests
Only build; run neither the Pester suite nor the xunit tests.

.PARAMETER SkipXunit
Build and run the Pester suite, but not the xunit tests.

.PARAMETER Package
Also write the module's gallery package and the emulator's .NET tool package to out/packages/.

.PARAMETER NoBuild
With -Package: pack what the last `dotnet build` laid out, without building and without tests. The install tests
use this, as they run while the built module is loaded.

.EXAMPLE
dotnet pwsh ./build.ps1

Builds, then runs the Pester suite and the xunit tests.

.EXAMPLE
./build.ps1 -SkipXunit

Builds and runs only the Pester suite: the quick loop when changing what a real shell shows.

.EXAMPLE
./build.ps1 -Configuration Release -SkipTests

Builds the module in Release and runs no tests.

.EXAMPLE
dotnet pwsh ./build.ps1 -Configuration Release -Package -SkipTests

Builds in Release and writes both packages to out/packages/, running no tests.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [switch] $SkipTests,

    [switch] $SkipXunit,

    [switch] $Package,

    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = $PSScriptRoot
if ($Package -and -not $PSBoundParameters.ContainsKey('Configuration')) {
    $Configuration = 'Release'
}

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "> dotnet $Arguments" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# Starts the emulator in its own process and waits until it answers; returns the process and its address.
function Start-Emulator {
    $port = Get-FreeLoopbackPort
    $dll = Join-Path $repo "src/Upstash.Kafka.Emulator/bin/$Configuration/net10.0/Upstash.Kafka.Emulator.dll"
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($dll)
    $start.ArgumentList.Add('--port')
    $start.ArgumentList.Add("$port")
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $url = "http://127.0.0.1:$port"
    for ($try = 0; $try -lt 60; $try++) {
        try {
            $null = Invoke-RestMethod "$url/_emulator/journal" -TimeoutSec 2
            return [pscustomobject]@{ Process = $process; Url = $url }
        }
        catch {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode)." }
            Start-Sleep -Milliseconds 500
        }
    }

    $process.Kill($true)
    throw "The emulator did not answer on $url."
}

function Get-PesterManifest {
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) {
        throw "Pester 5.7.1 is not at $manifest; the build restores it (PackageDownload in tests/Upstash.Kafka.Tests)."
    }
    $manifest
}

function Invoke-PesterSuite {
    $pester = Get-PesterManifest
    $emulator = Start-Emulator
    try {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', @"
Import-Module '$($pester -replace "'", "''")'
`$result = Invoke-Pester -Path '$((Join-Path $repo 'tests/pester') -replace "'", "''")' -Output Detailed -PassThru
if (`$result.Result -ne 'Passed' -or `$result.PassedCount -eq 0) { exit 1 }
"@) {
            $start.ArgumentList.Add($argument)
        }
        $start.WorkingDirectory = $repo
        $start.UseShellExecute = $false
        $start.Environment['UPSTASH_API_URL'] = $emulator.Url
        $start.Environment['UPSTASH_EMAIL'] = 'demo@example.com'
        $start.Environment['UPSTASH_API_KEY'] = 'emulator-demo-key'
        Write-Host "> Pester: tests/pester against the emulator at $($emulator.Url)" -ForegroundColor Cyan
        $pwsh = [System.Diagnostics.Process]::Start($start)
        $pwsh.WaitForExit()
        if ($pwsh.ExitCode -ne 0) {
            throw 'The Pester suite failed.'
        }
    }
    finally {
        $emulator.Process.Kill($true)
        $emulator.Process.WaitForExit()
    }
}

# Whether an assembly was built without optimizations (Debug): its DebuggableAttribute turns the JIT optimizer off.
function Test-UnoptimizedAssembly([string] $Path) {
    $stream = [IO.File]::OpenRead($Path)
    try {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $reader.GetAssemblyDefinition().GetCustomAttributes()) {
            $attribute = $reader.GetCustomAttribute($handle)
            $constructor = $reader.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle] $attribute.Constructor)
            $type = $reader.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle] $constructor.Parent)
            if ($reader.GetString($type.Name) -eq 'DebuggableAttribute') {
                # The blob is the prolog (2 bytes) then DebuggingModes as an int32; 256 = DisableOptimizations.
                $blob = $reader.GetBlobBytes($attribute.Value)
                return $blob.Length -ge 6 -and ([BitConverter]::ToInt32($blob, 2) -band 256) -ne 0
            }
        }
        return $false
    }
    finally {
        $stream.Dispose()
    }
}

# Writes out/packages/ afresh, from the module folder and the emulator the last build made.
function New-ReleasePackages {
    $packages = Join-Path $repo 'out/packages'
    $moduleFolder = Join-Path $repo 'out/Upstash.Kafka'
    if (-not (Test-Path (Join-Path $moduleFolder 'Upstash.Kafka.psd1'))) {
        throw "There is no built module in $moduleFolder to pack; run the build first (without -NoBuild)."
    }

    if ($Configuration -ne 'Debug' -and (Test-UnoptimizedAssembly (Join-Path $moduleFolder 'Upstash.Kafka.dll'))) {
        throw "out/Upstash.Kafka holds a Debug build, which runs unoptimized; build it in $Configuration first (without -NoBuild), or pack it on purpose with -Configuration Debug."
    }

    $null = New-Item -ItemType Directory -Force -Path $packages
    Get-ChildItem $packages -Filter '*.nupkg' | Where-Object Name -Match '^(Upstash\.Kafka|upstash-kafka-emulator)\.\d' | Remove-Item

    # The package's folder must be named like the module; LICENSE goes in beside the manifest.
    $staging = Join-Path ([IO.Path]::GetTempPath()) "upstash-kafka-pack-$([guid]::NewGuid().ToString('N'))"
    try {
        $null = New-Item -ItemType Directory -Path $staging
        Copy-Item -Recurse $moduleFolder (Join-Path $staging 'Upstash.Kafka')
        Copy-Item (Join-Path $repo 'LICENSE') (Join-Path $staging 'Upstash.Kafka')
        Write-Host "> Compress-PSResource out/Upstash.Kafka + LICENSE -> out/packages" -ForegroundColor Cyan
        # (decision) Compress-PSResource is the packing half of Publish-PSResource (the same nuspec, from the
        # manifest), without registering a repository in the user's profile only to publish to a folder.
        Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.1.0
        Compress-PSResource -Path (Join-Path $staging 'Upstash.Kafka') -DestinationPath $packages
    }
    finally {
        Remove-Item -Recurse -Force $staging -ErrorAction SilentlyContinue
    }

    Invoke-Dotnet pack src/Upstash.Kafka.Emulator/Upstash.Kafka.Emulator.csproj --configuration $Configuration --no-build --output $packages
    Get-ChildItem $packages -Filter '*.nupkg' | ForEach-Object { Write-Host "  $($_.Name) ($($_.Length) bytes)" }
}

Push-Location $repo
try {
    if ($NoBuild) {
        if (-not $Package) { throw '-NoBuild only makes sense with -Package.' }
        New-ReleasePackages
        return
    }

    Invoke-Dotnet tool restore
    Invoke-Dotnet build Upstash.sln -c $Configuration
    if ($Package) { New-ReleasePackages }
    if ($SkipTests) { return }

    Invoke-PesterSuite
    if ($SkipXunit) { return }

    Invoke-Dotnet test Upstash.sln -c $Configuration --no-build --filter 'FullyQualifiedName!~Upstash.Kafka.Tests.RealShell.PesterFileTests'
}
finally {
    Pop-Location
}
