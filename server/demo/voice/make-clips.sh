#!/usr/bin/env bash
# Regenerates the demo voice clips (clipN.opus) and their index (clips.json) next to this
# script. The clips are synthetic speech so the demo data carries no real person's voice.
#
# Requires espeak-ng, sox and opusenc (opus-tools). The output is reproducible: fixed stream
# serial numbers and no timestamps, so re-running only changes files if the tools change.
set -euo pipefail

cd "$(dirname "$0")"

# Debian 12's espeak-ng 1.51 reads Chinese characters through the plain "cmn" voice as pinyin
# spelled out in English ("hao three"); the pinyin variant of the same voice pronounces them
# correctly (espeak-ng issue #1236). Override with ESPEAK_VOICE=cmn on a fixed espeak-ng.
voice="${ESPEAK_VOICE:-cmn-latn-pinyin}"

for tool in espeak-ng sox opusenc; do
    command -v "$tool" >/dev/null || { echo "make-clips.sh: $tool is required" >&2; exit 1; }
done

# A representative raising residents' questions and the responding officer, alternating.
# Each sentence is 3-8 s of speech at 150 words per minute.
texts=(
    "您好，请问今年小学入学报名什么时候开始？"
    "社区养老服务中心每天提供午餐，欢迎老人登记。"
    "我们小区的老旧改造，什么时候能加装电梯？"
    "下个月起，十二路公交车会延长到新区医院。"
    "请问异地就医的医保报销，需要准备哪些材料？"
    "营业执照现在可以网上办理，三个工作日就能领取。"
)
speakers=(representative responder representative responder representative responder)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

json="["
for i in "${!texts[@]}"; do
    n=$((i + 1))
    text="${texts[$i]}"
    case "$text" in *'"'* | *'\'*)
        echo "make-clips.sh: clip $n text needs JSON escaping" >&2; exit 1 ;;
    esac

    # Normalising to -1 dBFS keeps the clips equally loud and stops espeak's peaks clipping
    # in the resampler. -R seeds sox's dither identically on every run.
    espeak-ng -v "$voice" -s 150 --stdout "$text" \
        | sox -R -t wav - -r 48000 -c 1 -b 16 "$work/clip$n.wav" gain -n -1
    opusenc --quiet --bitrate 24 --downmix-mono --serial "$n" "$work/clip$n.wav" "clip$n.opus"

    [ "$i" -gt 0 ] && json+=","
    json+=$'\n'"  {\"file\":\"clip$n.opus\",\"text\":\"$text\",\"speaker\":\"${speakers[$i]}\"}"
done
json+=$'\n'"]"
printf '%s\n' "$json" > clips.json
