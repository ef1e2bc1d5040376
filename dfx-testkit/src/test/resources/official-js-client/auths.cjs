'use strict';
// Drives a fake DFX server with the official JavaScript client (@nuralogix.ai/dfx-api-client),
// unmodified, through all nine methods of its Auths resource, the way a JavaScript team would:
// the scene is set through the fake's admin API (/__dfx), every call goes through client.http.auths.
// Usage: node auths.cjs <path of the package's lib/index.cjs> <base URL of the fake server>
// Prints one JSON object: per call, the status, content type and body as the client returns them.
const [, , library, base] = process.argv;
const createClient = require(library).default;

const ORG = 'acme-health';
const REDIRECT = 'https://app.acme.example/sso/callback';

async function admin(method, path, body) {
  const response = await fetch(`${base}/__dfx${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`admin ${method} ${path}: ${response.status} ${text}`);
  }
  return text.length > 0 ? JSON.parse(text) : null;
}

function seen(result) {
  const headers = result.headers;
  const contentType = headers && typeof headers.get === 'function' ? headers.get('content-type') : null;
  return { status: result.status, contentType, body: result.body };
}

(async () => {
  const device = await admin('POST', '/pairs', { subject: 'device' });
  const user = await admin('POST', '/pairs', { subject: 'user-7' });
  await admin('PUT', `/organizations/${ORG}`, {
    orgName: 'Acme Health', logoURL: null, userPoolId: 'us-east-1_acme', nativeAuthEnabled: true,
    cognitoDomainUrl: 'https://auth.acme.example',
    identityProviders: [{ iconURL: null, displayName: 'Acme SSO', identityProviderName: 'AcmeSaml' }],
  });
  const { code } = await admin('POST', '/sso/codes', { orgIdentifier: ORG, redirectURL: REDIRECT });

  const client = createClient({ url: { http: new URL(base), wss: new URL(base.replace(/^http/, 'ws')) } });
  client.setSession({ deviceToken: device.Token, deviceRefreshToken: device.RefreshToken, userToken: user.Token });
  const auths = client.http.auths;
  const out = { device, user, code, calls: {} };
  const call = async (name, promise) => {
    out.calls[name] = seen(await promise);
  };

  await call('authenticate', auths.authenticate());
  await call('validate', auths.validate());
  await call('ssoToken', auths.ssoToken({ redirectURL: REDIRECT, orgIdentifier: ORG, code }));
  await call('ssoTokenAgain', auths.ssoToken({ redirectURL: REDIRECT, orgIdentifier: ORG, code }));
  await call('requestLoginCode', auths.requestLoginCode({ PhoneNumber: '+15555550123', Identifier: ORG }));
  await call('requestResetPasswordLink', auths.requestResetPasswordLink({ Email: 'ada@example.org', Identifier: ORG }));
  await call('sendResetMobile', auths.sendResetMobile({ Email: 'ada@example.org' }));
  await call('generateToken', auths.generateToken({ Token: user.Token, RefreshToken: user.RefreshToken }));
  await call('getOrgClientCredentials', auths.getOrgClientCredentials(ORG));
  await call('getOrgClientCredentialsUnknown', auths.getOrgClientCredentials('nope'));
  await call('renew', auths.renew({ Token: device.Token, RefreshToken: device.RefreshToken }, 'device'));
  out.sessionAfterRenew = { deviceToken: client.getSession().deviceToken };
  await call('validateAfterRenew', auths.validate());
  client.setSession({ deviceToken: device.Token });
  await call('authenticateWithTheSpentToken', auths.authenticate());
  out.requests = await admin('GET', '/requests');
  out.outbox = await admin('GET', '/outbox');
  // exit once written: idle keep-alive sockets would hold the event loop for seconds
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
})().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
