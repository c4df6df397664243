<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LockScreen</name>
    <message>
        <source>Liaison — locked</source>
        <extracomment>What the window needs within its first second that the lock screen does not: the status bar&apos;s sync line (the sync engine: pydantic, requests) and 工作台&apos;s services. Loading them takes a third of a second or more, which would otherwise freeze the window right after it appears; they load while the password is typed. Modules without Qt only: they are loaded on a worker thread. The largest comes last: an unlock that comes at once stops the loading and waits for one module at most.</extracomment>
        <translation>驻企通 — 已锁定</translation>
    </message>
    <message>
        <source>驻企通 Liaison</source>
        <translation>驻企通 Liaison</translation>
    </message>
    <message>
        <source>Forgot the password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <source>Sign in online instead…</source>
        <translation>改为联网登录…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in once with the account the service centre gave you. Its password then protects the data on this laptop and unlocks it offline.</source>
        <translation>请用服务中心分配的账号登录一次。此后账号密码保护本机数据，离线时也用它解锁。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>For a laptop not signed in yet (a demo, or until your account exists): choose a password for this laptop. Records made now carry no officer, and printed forms say that the laptop is not signed in. Your account&apos;s password replaces this one when you sign in.</source>
        <translation>尚未登录服务器的电脑（演示，或账号尚未开通时）：为本机设置一个密码。此时新建的记录不带联络员，打印的表单会注明本机未登录。登录账号后，本密码由账号密码取代。</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Protect with this password</source>
        <translation>用此密码保护</translation>
    </message>
    <message>
        <source>Sign in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Local password</source>
        <translation>本机密码</translation>
    </message>
    <message>
        <source>Enter the recovery code you were shown when this laptop was set up, and choose a new password. Nothing on the laptop is lost.</source>
        <translation>请输入设置本机时显示的恢复码，并设置新密码。本机上的数据不会丢失。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>If the service centre set a new password for your account, sign in with it (a network is needed). The server then opens this laptop, and the new password unlocks it from now on.</source>
        <translation>如果服务中心已为您的账号重设密码，请用新密码联网登录。服务器将为本机解锁，此后用新密码解锁本机。</translation>
    </message>
    <message>
        <source>Sign in and unlock</source>
        <translation>登录并解锁</translation>
    </message>
    <message>
        <source>Your recovery code. It is shown only now: write it down and keep it somewhere safe, away from the laptop. With it the data can be opened if the password is forgotten.</source>
        <translation>您的恢复码。仅此一次显示：请抄下并妥善保管，不要与电脑放在一起。忘记密码时可用它打开数据。</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>我已记下</translation>
    </message>
    <message>
        <source>The Liaison data on this laptop was removed on {when} at the service centre&apos;s request (the laptop was reported {reason}). Set it up again to go on.</source>
        <translation>根据服务中心的要求，本机上的驻企通数据已于 {when} 清除（本机被报告{reason}）。请重新设置后继续使用。</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Welcome. The data on this laptop is kept encrypted; choose how it is protected.</source>
        <translation>欢迎使用。本机数据加密保存，请选择保护方式。</translation>
    </message>
    <message>
        <source>This version keeps the data encrypted. Choose how the records already on this laptop are protected; they are encrypted once, right after.</source>
        <translation>此版本对数据加密保存。请选择本机已有记录的保护方式，随后将对其进行一次性加密。</translation>
    </message>
    <message>
        <source>The key file of this data folder is missing, so its data cannot be opened. Restore a backup or choose another data folder.</source>
        <translation>此数据文件夹的密钥文件丢失，无法打开其数据。请恢复备份或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>Locked. Enter the password of {user} to go on.</source>
        <translation>已锁定。请输入 {user} 的密码继续。</translation>
    </message>
    <message>
        <source>Locked. This laptop is not signed in to a server; enter its local password.</source>
        <translation>已锁定。本机尚未登录服务器，请输入本机密码。</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或 PIN</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again in {n} seconds.</source>
        <translation>密码错误次数过多，请 {n} 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Setting up the encryption…</source>
        <translation>正在设置加密…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signing in failed: {reason} You can sign in later on the Sync page.</source>
        <translation>登录失败：{reason} 可稍后在“同步”页面登录。</translation>
    </message>
    <message>
        <source>Checking the recovery code…</source>
        <translation>正在核对恢复码…</translation>
    </message>
    <message>
        <source>That recovery code does not open this laptop.</source>
        <translation>此恢复码无法解锁本机。</translation>
    </message>
    <message>
        <source>Try again in {n} seconds.</source>
        <translation>请 {n} 秒后再试。</translation>
    </message>
</context>
</TS>
