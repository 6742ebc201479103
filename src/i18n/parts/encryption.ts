// Owns the UI text of passphrase-protected backups: protecting a backup, opening one, and why one is refused, in both languages.
export const encryptionZh = {
  'crypt.protect': '用口令加密这份备份',
  'crypt.protectHelp':
    '加密后，文件里看不到任何金额、名称或日期：用 AES-256-GCM 加密，密钥由口令经 PBKDF2-SHA256（600,000 轮）派生。恢复时需要同一个口令；口令忘了，这份备份就打不开，应用也无法找回。',
  'crypt.passphrase': '口令',
  'crypt.confirm': '再次输入口令',
  'crypt.tooShort': '口令至少 {min} 个字符',
  'crypt.mismatch': '两次输入的口令不一致',
  'crypt.required': '请输入口令',
  'crypt.encrypting': '正在加密…',
  'crypt.openTitle': '这份备份已加密：{name}',
  'crypt.openHelp': '输入备份时设置的口令。口令只用来在本机解密这个文件，不会被保存。',
  'crypt.open': '解密并查看',
  'crypt.cancel': '取消',
  'crypt.problem.wrongPassphrase': '口令不对（或文件头被改动过）；没有恢复任何数据',
  'crypt.problem.tampered': '文件内容在加密之后被改动过或已损坏，无法解密；没有恢复任何数据',
  'crypt.problem.badEnvelope': '加密文件的 {field} 不正确，可能不是本应用的加密备份或已损坏',
  'crypt.problem.newerEncrypted': '这份加密备份的格式（版本 {version}）比本应用支持的（版本 {supported}）新，请先升级应用',
  'crypt.encryptedTag': '已加密'
}

export const encryptionEn: Record<keyof typeof encryptionZh, string> = {
  'crypt.protect': 'Protect this backup with a passphrase',
  'crypt.protectHelp':
    'Protected, the file shows no amount, name or date: it is encrypted with AES-256-GCM under a key derived from the passphrase by PBKDF2-SHA256 (600,000 rounds). Restoring it needs the same passphrase; if the passphrase is forgotten, the backup cannot be opened, and the app cannot recover it.',
  'crypt.passphrase': 'Passphrase',
  'crypt.confirm': 'Passphrase again',
  'crypt.tooShort': 'The passphrase needs at least {min} characters',
  'crypt.mismatch': 'The two passphrases differ',
  'crypt.required': 'Enter the passphrase',
  'crypt.encrypting': 'Encrypting…',
  'crypt.openTitle': 'This backup is encrypted: {name}',
  'crypt.openHelp': 'Enter the passphrase set when it was made. It is used only to decrypt this file on this computer and is not stored.',
  'crypt.open': 'Decrypt and preview',
  'crypt.cancel': 'Cancel',
  'crypt.problem.wrongPassphrase': 'wrong passphrase (or the file header was changed); nothing was restored',
  'crypt.problem.tampered': 'the file was changed after it was encrypted, or is damaged, and cannot be decrypted; nothing was restored',
  'crypt.problem.badEnvelope': "the encrypted file's {field} is not right: it may not be this app's encrypted backup, or it is damaged",
  'crypt.problem.newerEncrypted': 'this encrypted backup has a newer format (version {version}) than this app reads (version {supported}); update the app first',
  'crypt.encryptedTag': 'Encrypted'
}
