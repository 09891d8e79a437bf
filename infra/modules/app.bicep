// App Service on Linux running SocBot on .NET 10, with the user-assigned identity and the settings the app reads.
// Setting names are the app's configuration keys with ':' written as '__' (tests/SocBot.Tests/Infra checks each one
// against the keys the app binds). Every setting lives in a var ending in 'Settings'.

param name string
param location string
param sku string
param instanceCount int
param identityId string
param identityClientId string
param tenantId string
param allowedTenantId string
param tablesEndpoint string
param tableName string
param shutdownTimeout string
param catalogPath string
param adminObjectId string
param applicationInsightsConnectionString string
param logAnalyticsWorkspaceId string

var coreSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'MicrosoftAppType'
    value: 'UserAssignedMSI'
  }
  {
    name: 'MicrosoftAppId'
    value: identityClientId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  {
    name: 'Storage__TablesEndpoint'
    value: tablesEndpoint
  }
  {
    name: 'Storage__ManagedIdentityClientId'
    value: identityClientId
  }
  {
    name: 'Storage__TableName'
    value: tableName
  }
  {
    name: 'SocBot__AllowedTenantIds__0'
    value: allowedTenantId
  }
  {
    name: 'SocBot__ShutdownTimeout'
    value: shutdownTimeout
  }
]

var catalogSettings = empty(catalogPath) ? [] : [
  {
    name: 'SocBot__CatalogPath'
    value: catalogPath
  }
]

var adminSettings = empty(adminObjectId) ? [] : [
  {
    name: 'SocBot__AdminObjectIds__0'
    value: adminObjectId
  }
]

// The App Service agent reads the first two; the app's own OpenTelemetry metrics and traces go out with the third.
var insightsSettings = empty(applicationInsightsConnectionString) ? [] : [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    name: 'Telemetry__ApplicationInsightsConnectionString'
    value: applicationInsightsConnectionString
  }
  {
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet SocBot.dll'
      // The reminder scheduler runs inside the web app: without Always On, an idle app is unloaded and reminders stop.
      alwaysOn: true
      // Instances failing /readyz (storage unreachable, catalog broken) are taken out of the load balancer.
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(coreSettings, catalogSettings, adminSettings, insightsSettings)
    }
  }
}

resource consoleLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  scope: site
  name: 'console-logs'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name

output defaultHostName string = site.properties.defaultHostName
