<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProfileTab</name>
    <message>
        <source>Signed in as {user} ({role}).</source>
        <translation>已以 {user}（{role}）登录。</translation>
    </message>
    <message>
        <source>This laptop is not signed in to a server: records carry no officer and prints say so.</source>
        <translation>本机尚未登录服务器：记录不带联络员，打印件会注明。</translation>
    </message>
    <message>
        <source>Printed on the power of attorney as the agent&apos;s ID number</source>
        <translation>作为代办人身份证号打印在代办委托书上</translation>
    </message>
    <message>
        <source>Name as printed</source>
        <translation>打印姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Kept encrypted on this laptop only; never sent to the server.</source>
        <translation>仅加密保存在本机，不会发送到服务器。</translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation>生成新恢复码…</translation>
    </message>
    <message>
        <source>The window locks after {n} minutes without input and when the laptop sleeps.</source>
        <translation>无操作 {n} 分钟后或电脑休眠时，窗口自动锁定。</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>删除 PIN</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>设置 PIN…</translation>
    </message>
    <message>
        <source>A PIN needs the system keyring, which this computer does not have.</source>
        <translation>PIN 需要系统密钥环，本机没有。</translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <source>A PIN of 4 to 8 digits unlocks this laptop instead of the password. After five wrong tries it stops working and the password is needed.</source>
        <translation>4 至 8 位数字的 PIN 可代替密码解锁本机。连续输错五次后 PIN 失效，需要用密码解锁。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 为 4 至 8 位数字。</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新恢复码</translation>
    </message>
    <message>
        <source>Make a new recovery code? The old one stops working.</source>
        <translation>生成新的恢复码？旧恢复码将失效。</translation>
    </message>
    <message>
        <source>Your new recovery code (shown only now; write it down and keep it away from the laptop):

{code}</source>
        <translation>您的新恢复码（仅此一次显示，请抄下并与电脑分开保管）：

{code}</translation>
    </message>
</context>
</TS>
