<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>check a worker pass from a photo of the card or the text of its code</source>
        <translation>根据证件照片或二维码文字核验员工通行证</translation>
    </message>
    <message>
        <source>Say whether a pass is valid, expired, revoked or forged, offline, with the county keys this computer received by sync. Exit status: 0 valid, 1 expired or not yet valid, 2 revoked, 3 forged, 4 unknown key, 5 provisional, 6 no code found.</source>
        <translation>离线核验通行证是否有效、过期、已注销或伪造，使用本机同步得到的县级密钥。退出状态：0 有效，1 已过期或尚未生效，2 已注销，3 伪造，4 密钥未知，5 临时证，6 未找到二维码。</translation>
    </message>
    <message>
        <source>a photo or scan of the card (PNG, JPEG…), or the code&apos;s text</source>
        <translation>证件的照片或扫描件（PNG、JPEG…），或二维码的文字</translation>
    </message>
</context>
<context>
    <name>Passes</name>
    <message>
        <source>There is no file {path}, and the text is not a pass code either.</source>
        <translation>没有文件 {path}，这段文字也不是通行证二维码。</translation>
    </message>
    <message>
        <source>{path} is not a picture Liaison can read.</source>
        <translation>{path} 不是驻企通能读取的图片。</translation>
    </message>
</context>
</TS>
