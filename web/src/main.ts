document.querySelector("#app")!.textContent = "产业链图谱 Chain Atlas";
