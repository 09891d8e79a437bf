// SocBot on Azure: a user-assigned managed identity that is both the bot's identity (MicrosoftAppType UserAssignedMSI,
// no secret to rotate) and the storage identity; Table Storage for state; App Service on Linux (.NET 10) for the bot;
// the Azure Bot resource with the Teams channel; Application Insights optionally.
//
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep --parameters infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Short lowercase name used to derive every resource name (3-12 letters and digits).')
@minLength(3)
@maxLength(12)
param baseName string

@description('Region for everything except the Azure Bot resource, which is global.')
param location string = resourceGroup().location

@description('The Entra tenant whose Teams may use the bot; activities from other tenants are refused.')
param allowedTenantId string = tenant().tenantId

@description('App Service plan SKU. B1 or higher: the reminder scheduler needs Always On, which the free tier lacks.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Number of App Service instances. Several are safe: reminder claims are conditional inserts in the table.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier: F0 is free and limited to standard channels (Teams is one).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the state table.')
param tableName string = 'SocBotState'

@description('How long a stopping instance waits for a running reminder pass (TimeSpan, e.g. 00:00:30).')
param shutdownTimeout string = '00:00:30'

@description('Optional path of a catalog file on the app (e.g. /home/site/catalog/catalog.yaml); empty uses the built-in catalog.')
param catalogPath string = ''

@description('Optional Entra object id of a SOC admin who may link channels from anywhere (az ad signed-in-user show --query id -o tsv); empty lets whoever links SOC Oversight first bootstrap it.')
param adminObjectId string = ''

@description('Create Application Insights (workspace-based) and connect the app to it.')
param enableApplicationInsights bool = false

var suffix = uniqueString(resourceGroup().id, baseName)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${suffix}'
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${toLower(replace(baseName, '-', ''))}${suffix}', 24)
    location: location
    tableName: tableName
    principalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = if (enableApplicationInsights) {
  name: 'monitoring'
  params: {
    baseName: '${baseName}-${suffix}'
    location: location
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: 'app-${baseName}-${suffix}'
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
    allowedTenantId: allowedTenantId
    tablesEndpoint: storage.outputs.tableEndpoint
    tableName: tableName
    shutdownTimeout: shutdownTimeout
    catalogPath: catalogPath
    adminObjectId: adminObjectId
    applicationInsightsConnectionString: enableApplicationInsights ? monitoring!.outputs.connectionString : ''
    logAnalyticsWorkspaceId: enableApplicationInsights ? monitoring!.outputs.workspaceId : ''
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    sku: botSku
    messagingEndpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
  }
}

@description('The bot id (the managed identity client id): the botId and webApplicationInfo id of the Teams app package.')
output botAppId string = identity.properties.clientId

@description('The app host name: the validDomains entry of the Teams app package.')
output appHostName string = app.outputs.defaultHostName

output appName string = app.outputs.name

output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'

output storageAccountName string = storage.outputs.name

output tableEndpoint string = storage.outputs.tableEndpoint
