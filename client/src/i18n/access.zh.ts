// Strings of the screens' landmarks and the larger-text setting (字号), key "access" of the live
// app's resources (issue 27).
export const accessZh = {
  landmarks: {
    chairLeft: "议程与会议纪要",
    side: "会场工具",
  },
  textSize: {
    label: "字号",
    standard: "标准",
    large: "大",
    largest: "特大",
  },
};
