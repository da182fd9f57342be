# The module installed the way users install it, from its gallery package in a temporary folder repository, each
# step in a new pwsh with a throwaway profile (CleanProfile.ps1). Run by InstallTests.cs after build.ps1 -Package;
# UPSTASH_KAFKA_PACKAGES names the package folder and UPSTASH_API_URL etc. point at the emulator.
# What "every exported command" means comes from the built manifest, so new cmdlets are covered without edits here.

BeforeAll {
    . (Join-Path $PSScriptRoot 'CleanProfile.ps1')
    $BuiltFolder = (Resolve-Path (Join-Path $PSScriptRoot '../../../out/Upstash.Kafka')).Path
    $Built = Import-PowerShellDataFile (Join-Path $BuiltFolder 'Upstash.Kafka.psd1')
    $Version = $Built.ModuleVersion
    $ModulePackage = Join-Path $env:UPSTASH_KAFKA_PACKAGES "Upstash.Kafka.$Version.nupkg"
    $RepositoryName = "UpstashKafkaTest$([guid]::NewGuid().ToString('N').Substring(0, 8))"

    # What a user checks after installing: run in a new pwsh that imports the module by name and uses it.
    $CheckInstalledModule = @'
Import-Module Upstash.Kafka
$module = Get-Module Upstash.Kafka
$name = 'installed-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$connector = New-UpstashKafkaConnector -Name $name -ClusterId '7568431c-88d5-4409-a808-2167f22a7133' -Property @{
    'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
    'connection.uri'  = 'mongodb://app:installed-s3cret@db.example.com:27017'
}
$table = $connector | Out-String -Width 200
$listed = @(Get-UpstashKafkaConnector -ClusterId '7568431c-88d5-4409-a808-2167f22a7133' -Name $name)
$connector | Remove-UpstashKafkaConnector -Force
@{
    Version    = "$($module.Version)"
    ModuleBase = $module.ModuleBase
    Commands   = @(Get-Command -Module Upstash.Kafka | ForEach-Object Name)
    Help       = @(Get-Command -Module Upstash.Kafka | ForEach-Object {
            $help = Get-Help $_.Name -Full
            @{ Name = $_.Name; Examples = @($help.examples.example).Count; Description = "$($help.description.Text)" }
        })
    Name       = $name
    Id         = $connector.ConnectorId
    Table      = $table
    Listed     = $listed.Count
}
'@

    function Get-ImportedVersion($CleanProfile) {
        (Invoke-CleanPwsh $CleanProfile 'Import-Module Upstash.Kafka; @{ Version = "$((Get-Module Upstash.Kafka).Version)" }').Version
    }
}

Describe 'Installed with <Installer>' -ForEach @(
    @{
        Installer = 'Install-Module (PowerShellGet)'
        Find      = 'Find-Module Upstash.Kafka -Repository {0}'
        Install   = 'Install-Module Upstash.Kafka -Repository {0} -Scope CurrentUser'
        Uninstall = 'Uninstall-Module Upstash.Kafka'
        Installed = 'Get-InstalledModule Upstash.Kafka -ErrorAction SilentlyContinue'
    }
    @{
        Installer = 'Install-PSResource (PSResourceGet)'
        Find      = 'Find-PSResource Upstash.Kafka -Repository {0}'
        Install   = 'Install-PSResource Upstash.Kafka -Repository {0} -Scope CurrentUser'
        Uninstall = 'Uninstall-PSResource Upstash.Kafka'
        Installed = 'Get-InstalledPSResource Upstash.Kafka -ErrorAction SilentlyContinue'
    }
) {
    BeforeAll {
        $clean = New-CleanProfile
        Copy-Item $ModulePackage $clean.Repository
        $setup = Invoke-CleanPwsh $clean @"
$(Get-RegisterScript $clean $RepositoryName)
if (Test-Path (Join-Path `$userModules 'Upstash.Kafka')) { throw "Upstash.Kafka is already in `$userModules; the proof will not touch it." }
`$found = $($Find -f $RepositoryName)
$($Install -f $RepositoryName)
@{ Found = "`$(`$found.Version)"; UserModules = `$userModules }
"@
        $userModules = $setup.UserModules
        $report = Invoke-CleanPwsh $clean $CheckInstalledModule
        $journal = @(Invoke-RestMethod "$($env:UPSTASH_API_URL)/_emulator/journal" | ForEach-Object { $_ })
    }

    AfterAll {
        Remove-CleanProfile $clean $RepositoryName
    }

    It 'finds the package in the repository at the built version' {
        $setup.Found | Should -Be $Version
    }

    It 'imports by name the installed version from the user module folder' {
        $report.Version | Should -Be $Version
        $report.ModuleBase | Should -BeLike "$userModules*"
    }

    It 'exports every command the built manifest lists' {
        $report.Commands | Sort-Object | Should -Be ($Built.CmdletsToExport | Sort-Object)
    }

    It 'finds help with a description and at least two examples for every exported command' {
        $report.Help.Count | Should -Be $Built.CmdletsToExport.Count
        foreach ($help in $report.Help) {
            $help.Description | Should -Not -BeNullOrEmpty -Because "$($help.Name) needs its MAML help in the package"
            $help.Examples | Should -BeGreaterOrEqual 2 -Because "$($help.Name) needs examples"
        }
    }

    It 'shows a connector in the default table view with its secret nowhere' {
        $report.Table | Should -Match '(?m)^Name\s+State\s+ConnectorState\s+ConnectorClass'
        $report.Table | Should -Match "(?m)^$($report.Name)\s+pending\s+MongoSourceConnector"
        $report.Table | Should -Not -Match 'installed-s3cret'
    }

    It 'created, listed and removed a connector on the emulator' {
        $report.Listed | Should -Be 1
        $journal | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v2/kafka/connector' -and $_.body -match $report.Name -and $_.status -eq 200 } | Should -HaveCount 1
        $journal | Where-Object { $_.method -eq 'DELETE' -and $_.path -eq "/v2/kafka/connector/$($report.Id)" -and $_.status -eq 200 } | Should -HaveCount 1
    }

    It 'leaves nothing behind when uninstalled' {
        $after = Invoke-CleanPwsh $clean "$Uninstall; @{ Installed = @($Installed).Count; Available = @(Get-Module -ListAvailable Upstash.Kafka).Count }"

        $after.Installed | Should -Be 0
        $after.Available | Should -Be 0
        @(Get-ChildItem -Recurse -File (Join-Path $userModules 'Upstash.Kafka') -ErrorAction SilentlyContinue) | Should -HaveCount 0
    }
}

Describe 'An older version installed beside the new one' {
    BeforeAll {
        $clean = New-CleanProfile
        Copy-Item $ModulePackage $clean.Repository

        # 0.1.0: the same module with the version stamped down in a temporary copy, packed the way build.ps1 packs.
        $old = Join-Path $clean.Root 'old/Upstash.Kafka'
        $null = New-Item -ItemType Directory -Force (Split-Path $old)
        Copy-Item -Recurse $BuiltFolder $old
        Copy-Item (Join-Path $PSScriptRoot '../../../LICENSE') $old
        $manifest = Join-Path $old 'Upstash.Kafka.psd1'
        $text = Get-Content -Raw $manifest
        $stamped = $text.Replace("ModuleVersion = '$Version'", "ModuleVersion = '0.1.0'")
        $stamped | Should -Not -Be $text
        Set-Content -LiteralPath $manifest -Value $stamped -NoNewline
        Compress-PSResource -Path $old -DestinationPath $clean.Repository

        $null = Invoke-CleanPwsh $clean @"
$(Get-RegisterScript $clean $RepositoryName)
if (Test-Path (Join-Path `$userModules 'Upstash.Kafka')) { throw "Upstash.Kafka is already in `$userModules; the proof will not touch it." }
Install-Module Upstash.Kafka -Repository $RepositoryName -RequiredVersion 0.1.0 -Scope CurrentUser
@{ Done = `$true }
"@
        $importedBefore = Get-ImportedVersion $clean
        $updated = Invoke-CleanPwsh $clean "Update-Module Upstash.Kafka; @{ Versions = @(Get-InstalledModule Upstash.Kafka -AllVersions | ForEach-Object { `"`$(`$_.Version)`" }) }"
        $importedAfter = Get-ImportedVersion $clean
    }

    AfterAll {
        $null = Invoke-CleanPwsh $clean 'Uninstall-Module Upstash.Kafka -AllVersions -ErrorAction SilentlyContinue; @{ Done = $true }'
        Remove-CleanProfile $clean $RepositoryName
    }

    It 'imports 0.1.0 when it is the only one installed' {
        $importedBefore | Should -Be '0.1.0'
    }

    It 'Update-Module installs the new version beside 0.1.0' {
        $updated.Versions | Sort-Object { [version]$_ } | Should -Be @('0.1.0', $Version)
    }

    It 'Import-Module by name then picks the newest' {
        $importedAfter | Should -Be $Version
    }
}
