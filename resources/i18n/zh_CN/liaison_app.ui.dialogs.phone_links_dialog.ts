<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PhoneLinksDialog</name>
    <message>
        <source>Phone links · {name}</source>
        <translation>手机测评链接 · {name}</translation>
    </message>
    <message>
        <source>Each invited enterprise scores on a phone through a link of its own, which takes one submission and stops working when the round closes. The server keeps no copy of a link: print, copy or show the links before this computer is closed. Issuing again replaces an enterprise&apos;s link and the earlier one stops working.</source>
        <translation>每家受邀企业用自己的专属链接在手机上评分，每个链接只能提交一次，测评结束后失效。服务器不保存链接本身：请在关闭本电脑前打印、复制或展示链接。重新发放会替换该企业的链接，原链接随即失效。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Issue links</source>
        <translation>发放链接</translation>
    </message>
    <message>
        <source>A link for every invited enterprise that has not scored yet</source>
        <translation>为每家尚未评分的受邀企业发放链接</translation>
    </message>
    <message>
        <source>Issue again for this enterprise</source>
        <translation>为该企业重新发放</translation>
    </message>
    <message>
        <source>Who has scored?</source>
        <translation>查看评分情况</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <source>Copy all links</source>
        <translation>复制全部链接</translation>
    </message>
    <message>
        <source>Print invitations…</source>
        <translation>打印邀请函…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在查询服务器…</translation>
    </message>
    <message>
        <source>Issuing the links…</source>
        <translation>正在发放链接…</translation>
    </message>
    <message>
        <source>Replace links?</source>
        <translation>替换链接？</translation>
    </message>
    <message>
        <source>{n} of these enterprises already have a link that was not used. It stops working when a new one is issued: an invitation already handed out must then be replaced. Issue new links?</source>
        <translation>其中 {n} 家企业已有尚未使用的链接。发放新链接后原链接将停止使用，已发出的邀请函需要更换。确定发放新链接吗？</translation>
    </message>
    <message>
        <source>{n} links issued. Print or copy them now: the server keeps no copy.</source>
        <translation>已发放 {n} 个链接。请立即打印或复制：服务器不保存链接。</translation>
    </message>
    <message>
        <source>Scored ✓</source>
        <translation>已评分 ✓</translation>
    </message>
    <message>
        <source>Link issued</source>
        <translation>已发放链接</translation>
    </message>
    <message>
        <source>Link issued elsewhere</source>
        <translation>已在别处发放链接</translation>
    </message>
    <message>
        <source>No link yet</source>
        <translation>还没有链接</translation>
    </message>
    <message>
        <source>The round is closed: its links no longer work.</source>
        <translation>本轮测评已结束，链接均已失效。</translation>
    </message>
    <message>
        <source>The round is not open to phones: tick “Enterprises may also score on their phones” in its settings, save and sync.</source>
        <translation>本轮测评未开放手机评分：请在设置中勾选“允许企业用手机测评”，保存并同步。</translation>
    </message>
    <message>
        <source>{done} of {total} enterprises have scored on a phone.</source>
        <translation>{total} 家企业中已有 {done} 家用手机评分。</translation>
    </message>
    <message>
        <source>The link of {name} is copied.</source>
        <translation>已复制{name}的链接。</translation>
    </message>
    <message>
        <source>{n} links are copied.</source>
        <translation>已复制 {n} 个链接。</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Phone link of {name}</source>
        <translation>{name}的手机测评链接</translation>
    </message>
    <message>
        <source>Scan with the phone&apos;s camera. The link takes one submission.</source>
        <translation>请用手机相机扫描。该链接只能提交一次。</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
</context>
</TS>
