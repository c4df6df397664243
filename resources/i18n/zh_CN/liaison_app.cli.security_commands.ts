<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>unlock the data for the next commands (OS keyring)</source>
        <translation>为之后的命令解锁数据（保存在系统密钥环中）</translation>
    </message>
    <message>
        <source>Check the password and keep the data unlocked in the OS keyring for a while, for scripts. Where there is no keyring nothing is kept.</source>
        <translation>核对密码，并在系统密钥环中保持一段时间的解锁状态，供脚本使用。没有密钥环时不保存任何内容。</translation>
    </message>
    <message>
        <source>read the password from the first line of standard input</source>
        <translation>从标准输入的第一行读取密码</translation>
    </message>
    <message>
        <source>how long the unlock lasts (default 15)</source>
        <translation>解锁保持的分钟数（默认 15）</translation>
    </message>
    <message>
        <source>forget an unlock kept by liaison unlock</source>
        <translation>取消 liaison unlock 保持的解锁</translation>
    </message>
    <message>
        <source>sign this laptop out of the server and forget its token; unsynced changes stay</source>
        <translation>在本机退出服务器登录并删除登录凭据；未同步的修改保留</translation>
    </message>
    <message>
        <source>forgotten password: unlock with the recovery code and choose a new password</source>
        <translation>忘记密码：用恢复码解锁并设置新密码</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>The data in this folder is encrypted and there is no terminal to ask for the password. Run `liaison unlock` first, or give the password on standard input with `liaison --password-stdin COMMAND`.</source>
        <translation>此文件夹中的数据已加密，且没有终端可以询问密码。请先运行 `liaison unlock`，或用 `liaison --password-stdin 命令` 从标准输入提供密码。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: wait {seconds} seconds before trying again.</source>
        <translation>密码错误次数过多：请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat the new password: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致，未作任何更改。</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Recovery code (shown only now; write it down and keep it away from the laptop): {code}
It opens the data if the password is forgotten.</source>
        <translation>恢复码（仅此一次显示，请抄下并与电脑分开保管）：{code}
忘记密码时可用它打开数据。</translation>
    </message>
    <message>
        <source>The Liaison data on this laptop was removed at the service centre&apos;s request; this folder starts empty.</source>
        <translation>根据服务中心的要求，本机上的驻企通数据已被清除；此数据文件夹从空白开始。</translation>
    </message>
    <message>
        <source>The key file of the data in {path} is missing, so the data cannot be opened. Restore a backup, or choose another data folder.</source>
        <translation>{path} 中数据的密钥文件丢失，无法打开数据。请恢复备份，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>This data folder is new. Choose a password that protects the data on this laptop (at least 8 characters).</source>
        <translation>这是新的数据文件夹。请设置一个保护本机数据的密码（至少 8 个字符）。</translation>
    </message>
    <message>
        <source>The data in this folder is not encrypted yet. Choose a password; the data is encrypted with it now.</source>
        <translation>此文件夹中的数据尚未加密。请设置密码，数据将立即用它加密。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Unlocked for {minutes} minutes (kept in the OS keyring); `liaison lock` ends it sooner.</source>
        <translation>已解锁 {minutes} 分钟（保存在系统密钥环中）；`liaison lock` 可提前结束。</translation>
    </message>
    <message>
        <source>The password is right, but this computer has no OS keyring to keep the unlock in, and it is never kept in a file. Each command asks again; scripts can use `liaison --password-stdin COMMAND`.</source>
        <translation>密码正确，但本机没有可用的系统密钥环来保持解锁，且解锁绝不会保存在文件中。每条命令都会再次询问密码；脚本可使用 `liaison --password-stdin 命令`。</translation>
    </message>
    <message>
        <source>Locked: the next command asks for the password.</source>
        <translation>已锁定：下一条命令将询问密码。</translation>
    </message>
    <message>
        <source>Signed out; the token is forgotten. Changes not yet sent stay on this laptop and go with the next sign-in of the same account.</source>
        <translation>已退出登录，登录凭据已删除。尚未发送的修改保留在本机，同一账号下次登录时发送。</translation>
    </message>
    <message>
        <source>This data folder has no password to recover.</source>
        <translation>此数据文件夹没有可恢复的密码。</translation>
    </message>
    <message>
        <source>Recovery code: </source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <source>That recovery code does not open this data.</source>
        <translation>此恢复码无法打开这些数据。</translation>
    </message>
    <message>
        <source>Choose a new password for this laptop.</source>
        <translation>请为本机设置新密码。</translation>
    </message>
    <message>
        <source>The new password is set; the old recovery code no longer works.</source>
        <translation>新密码已设置，旧恢复码已失效。</translation>
    </message>
</context>
</TS>
